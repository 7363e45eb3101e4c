/**
 * The chaos run (issue 14): a scripted workload of slash commands and checklist clicks, paging PagerDuty, against `warden start` running as its own
 * process, SIGKILLed at random points and started again, while the Slack stand-in answers with 429s, 5xx, lost
 * answers and latency. Afterwards every acknowledged action must be in the database and no Slack post may have
 * gone out twice. `npm run chaos` runs it long; test/chaos/chaos.test.ts runs it short as part of `npm test`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { freePort } from '../support/free-port.js';
import { repoPath } from '../support/repo-path.js';
import { parse as parseYaml } from 'yaml';
import { encodeStepRef } from '../../src/features/playbooks/slack/blocks/playbook-text.js';
import { sendBlockAction, sendSlashCommand, sendViewSubmission } from '../support/stand-ins/slack/requests/index.js';
import { makeTriggerId, startSlackStandIn, TEAM_ID, type SlackStandIn } from '../support/stand-ins/slack/index.js';
import { startPagerDutyStandIn, STAND_IN_TOKEN, type PagerDutyStandIn } from '../support/stand-ins/pagerduty/index.js';

const TOKEN = 'xoxb-chaos-run-not-real';
const SECRET = 'chaos-run-signing-secret';
const USERS = ['UALICE', 'UBOB', 'UCAROL'];
const ROUTING_KEY = 'r0chaosr0ut1ngkey000000000000001';

export interface ChaosOptions {
  actions: number;
  kills: number;
  seed: number;
  /** How long to wait for the backlog to drain at the end. */
  drainMs?: number;
}

export interface ChaosSummary {
  actions: number;
  acknowledged: number;
  /** Acknowledged actions by what they were: declare, note, update, role, clock, done (a tick), notify, approve. */
  byKind: Record<string, number>;
  kills: number;
  lost: string[];
  duplicated: string[];
  failedJobs: number;
  /** Jobs still due within a minute once the drain gave up: a backlog that did not go out. */
  pendingJobs: number;
  seed: number;
}

/** `actions N, kills N, lost 0, duplicated 0`: the line `npm run chaos` prints. */
export const summaryLine = (s: ChaosSummary): string =>
  `actions ${s.actions} (acknowledged ${s.acknowledged}: ${Object.entries(s.byKind).map(([k, n]) => `${k} ${n}`).join(', ')}), kills ${s.kills}, lost ${s.lost.length}, duplicated ${s.duplicated.length}, failed jobs ${s.failedJobs}, pending jobs ${s.pendingJobs}, seed ${s.seed}`;

/** mulberry32: a small seeded generator, so a failing run can be replayed with its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Expectation = { what: string; holds: (db: Database.Database) => boolean };

export async function runChaos(opts: ChaosOptions): Promise<ChaosSummary> {
  const rnd = random(opts.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const dir = mkdtempSync(join(tmpdir(), 'warden-chaos-'));
  const dbPath = join(dir, 'warden.db');
  // Public incidents (channels named by title) and no per-person limit: the workload is one script typing fast.
  writeFileSync(join(dir, 'warden.yaml'), 'incidents:\n  privateTypes: []\npermissions:\n  approvers: [ULEGAL01]\nlimits:\n  commandsPerUserPerMinute: 100000\n  commandBurstPerUser: 100000\n  commandsPerWorkspacePerMinute: 100000\n');
  const slack = await startSlackStandIn({ token: TOKEN });
  // Every sev2 declare pages (paging.pageOn's default): PagerDuty is an HTTPS stand-in whose certificate Warden trusts.
  const pd = await startPagerDutyStandIn();
  writeFileSync(join(dir, 'pagerduty-ca.pem'), pd.caPem);
  slack.addChannel('incidents', { botJoined: true });
  slack.delay('*', 150);
  let warden: Running | null = null;
  const expectations: Expectation[] = [];
  let acknowledged = 0;
  const byKind: Record<string, number> = {};
  let kills = 0;
  const killAt = new Set<number>();
  while (killAt.size < Math.min(opts.kills, opts.actions - 1)) killAt.add(1 + Math.floor(rnd() * (opts.actions - 1)));
  try {
    warden = await startWarden(dir, dbPath, slack, pd);
    for (let n = 1; n <= opts.actions; n++) {
      injectFault(slack, pd, rnd, pick);
      const action = await nextAction(n, rnd, pick, dbPath, pd, slack);
      const text = action.run ? await action.run(warden.url).catch(() => '') : await send(warden.url, action).then((a) => (a.status === 200 ? JSON.stringify(a.body) : ''), () => '');
      if (action.acked(text)) {
        acknowledged++;
        const kind = action.text.split(' ')[0] ?? '';
        byKind[kind] = (byKind[kind] ?? 0) + 1;
        expectations.push(action.expect);
      }
      if (killAt.has(n)) {
        warden.child.kill('SIGKILL');
        await warden.exited;
        kills++;
        warden = await startWarden(dir, dbPath, slack, pd);
      }
    }
    slack.clearDelay();
    await drain(dbPath, opts.drainMs ?? 60_000);
    const db = new Database(dbPath, { readonly: true });
    try {
      for (const j of db.prepare<[string], { kind: string; last_error: string | null; attempts: number }>("SELECT kind, last_error, attempts FROM jobs WHERE status = 'pending' AND due_at <= ? LIMIT 5").all(new Date(Date.now() + 60_000).toISOString())) {
        console.log(`chaos: still due after the drain: ${j.kind} (attempts ${j.attempts}): ${j.last_error ?? 'never ran'}`);
      }
      const lost = [...expectations.filter((e) => !e.holds(db)).map((e) => e.what), ...lostReminders(db)];
      const failedJobs = db.prepare<[], number>("SELECT count(*) FROM jobs WHERE status = 'failed'").pluck().get() ?? 0;
      return { actions: opts.actions, acknowledged, byKind, kills, lost, duplicated: [...duplicates(slack, db), ...duplicatePages(pd)], failedJobs, pendingJobs: dueJobs(db), seed: opts.seed };
    } finally {
      db.close();
    }
  } finally {
    warden?.child.kill('SIGTERM');
    await warden?.exited;
    await slack.stop();
    await pd.stop();
    // CHAOS_KEEP=1 keeps the database and config to look into a failing seed.
    if (process.env.CHAOS_KEEP) console.log(`chaos: kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

interface Running {
  child: ChildProcess;
  url: string;
  exited: Promise<unknown>;
}

/** `warden start` as a container runs it (bin/warden.js), on loopback, against the stand-in; resolves once /readyz is 200. */
async function startWarden(dir: string, dbPath: string, slack: SlackStandIn, pd: PagerDutyStandIn): Promise<Running> {
  const port = await freePort();
  const logs = process.env.CHAOS_LOGS;
  const env = { PATH: process.env.PATH, SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl, SLACK_TEAM_ID: TEAM_ID, WARDEN_DB: dbPath, WARDEN_CONFIG: join(dir, 'warden.yaml'), HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: logs ? 'info' : 'silent',
    PAGERDUTY_ROUTING_KEY: ROUTING_KEY, PAGERDUTY_TOKEN: STAND_IN_TOKEN, PAGERDUTY_EVENTS_URL: pd.url, PAGERDUTY_API_URL: pd.url, PAGERDUTY_CA_FILE: join(dir, 'pagerduty-ca.pem') };
  // CHAOS_LOGS=FILE appends every run's log lines there, to follow a failing seed.
  const child = spawn(process.execPath, [repoPath('bin/warden.js'), 'start'], { env, stdio: ['ignore', logs ? openSync(logs, 'a') : 'ignore', logs ? openSync(logs, 'a') : 'ignore'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    const status = await fetch(`${url}/readyz`).then((r) => r.status, () => 0);
    if (status === 200) return { child, url, exited };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('warden start did not become ready in 30 s');
}

/** Now and then Slack is slow to answer, refuses with a 429 or a 5xx, or its answer is lost after it acted. */
function injectFault(slack: SlackStandIn, pd: PagerDutyStandIn, rnd: () => number, pick: <T>(xs: readonly T[]) => T): void {
  const roll = rnd();
  const paging = rnd();
  if (paging < 0.05) pd.failNext('/v2/enqueue', 500);
  else if (paging < 0.1) pd.rateLimitNext('/v2/enqueue', 1);
  const method = pick(['chat.postMessage', 'chat.update', 'conversations.create', 'conversations.setTopic', 'pins.add']);
  if (roll < 0.08) slack.rateLimitNext(method, 1);
  else if (roll < 0.14) slack.failNext(method, 'internal_error');
  else if (roll < 0.2) slack.loseAnswerNext(method);
}

interface Action {
  /** A slash command's text, or a click on a checklist step's Done button. */
  text: string;
  click?: { value: string };
  actionId?: string;
  messageTs?: string;
  /** An action of several requests (a modal opened, then submitted): resolves to what counts as its reply, '' when it failed. */
  run?: (url: string) => Promise<string>;
  user: string;
  channel: string;
  acked(reply: string): boolean;
  expect: Expectation;
}

function send(url: string, action: Action) {
  if (action.click) {
    return sendBlockAction(url, SECRET, { actionId: action.actionId ?? 'playbook.done', value: action.click.value, userId: action.user, channelId: action.channel, messageTs: action.messageTs ?? '1.0' });
  }
  return sendSlashCommand(url, SECRET, { command: '/incident', text: action.text, userId: action.user, channelId: action.channel, triggerId: makeTriggerId(action.user) });
}

/** Steps a Done click closes at once (no evidence asked for), by playbook id, from the shipped playbooks. */
const CLICKABLE: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  readdirSync(repoPath('playbooks'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => parseYaml(readFileSync(join(repoPath('playbooks'), f), 'utf8')) as { id: string; phases: Record<string, { id: string; evidence?: string; when?: unknown }[]> })
    .map((pb) => [pb.id, new Set(Object.values(pb.phases).flat().filter((st) => st.evidence !== 'required' && st.when === undefined).map((st) => st.id))]),
);

/** An open step of the incident's checklist that a click closes at once, or null (a step with no row is open). */
function openStep(dbPath: string, incidentId: string, pick: <T>(xs: readonly T[]) => T): string | null {
  return withDb(dbPath, (db) => {
    const playbook = db.prepare<[string], string>('SELECT playbook_id FROM incident_playbooks WHERE incident_id = ?').pluck().get(incidentId);
    if (!playbook) return null;
    const closed = new Set(db.prepare<[string], string>("SELECT step_id FROM playbook_steps WHERE incident_id = ? AND status <> 'open'").pluck().all(incidentId));
    const open = [...(CLICKABLE.get(playbook) ?? [])].filter((st) => !closed.has(st));
    return open.length > 0 ? pick(open) : null;
  });
}

function withDb<T>(dbPath: string, read: (db: Database.Database) => T): T {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

interface OpenedView {
  callback_id: string;
  private_metadata: string;
  blocks: { block_id?: string; element?: { initial_value?: string } }[];
}

/** A notice drafted (`/incident notify`, then the modal submitted with a mark in its text), or a pending one approved. */
function noticeAction(n: number, rnd: () => number, pick: <T>(xs: readonly T[]) => T, dbPath: string, slack: SlackStandIn, id: string, channel: string, user: string): Action {
  const pending = withDb(dbPath, (db) => db.prepare<[string], { id: number; ts: string }>("SELECT id, message_ts AS ts FROM notices WHERE incident_id = ? AND status = 'pending' AND message_ts IS NOT NULL AND drafted_by <> 'ULEGAL01'").all(id));
  if (pending.length > 0 && rnd() < 0.5) {
    const notice = pick(pending);
    return {
      text: `approve notice ${notice.id}`,
      click: { value: String(notice.id) },
      actionId: 'clocks.notice_approve',
      messageTs: notice.ts,
      user: 'ULEGAL01',
      channel,
      acked: () => false, // its outcome comes by response_url, as a tick's does
      expect: { what: `notice #${notice.id} of ${id} approved`, holds: (db) => db.prepare("SELECT 1 FROM notices WHERE id = ? AND status = 'approved'").get(notice.id) !== undefined },
    };
  }
  const mark = `[chaos ${n}]`;
  const run = async (url: string): Promise<string> => {
    const before = slack.calls('views.open').length;
    const typed = await sendSlashCommand(url, SECRET, { command: '/incident', text: 'notify customer-initial', userId: user, channelId: channel, triggerId: makeTriggerId(user) });
    if (typed.status !== 200) return '';
    let view: OpenedView | undefined;
    for (let i = 0; i < 40 && !view; i++) {
      view = slack.calls('views.open').slice(before).find((c) => c.ok)?.args.view as OpenedView | undefined;
      if (!view) await new Promise((r) => setTimeout(r, 50));
    }
    if (!view) return '';
    const text = `${view.blocks.find((b) => b.block_id === 'text')?.element?.initial_value ?? ''}\n${mark}`;
    const values = { text: { text: { type: 'plain_text_input', value: text } }, stage: { stage: { type: 'static_select', selected_option: null } } };
    const submitted = await sendViewSubmission(url, SECRET, { callbackId: view.callback_id, privateMetadata: view.private_metadata, values, userId: user });
    return submitted.status === 200 && !JSON.stringify(submitted.body ?? '').includes('"errors"') ? 'drafted' : '';
  };
  return { text: 'notify customer-initial', run, user, channel, acked: (r) => r === 'drafted', expect: { what: `notice ${mark} of ${id}`, holds: (db) => db.prepare("SELECT 1 FROM notices WHERE incident_id = ? AND text LIKE '%' || ? || '%'").get(id, mark) !== undefined } };
}

/** A declare now and then, else a note, an update, a role, a clock event or a step ticked off in an incident whose channel exists. */
async function nextAction(n: number, rnd: () => number, pick: <T>(xs: readonly T[]) => T, dbPath: string, pd: PagerDutyStandIn, slack: SlackStandIn): Promise<Action> {
  const user = pick(USERS);
  const channels = await incidentChannels(dbPath);
  if (channels.length === 0 || rnd() < 0.25) {
    const title = `Chaos incident ${n}`;
    return {
      text: `declare sev2 ${title}`,
      user,
      channel: 'CGENERAL',
      acked: (r) => r.includes(':rotating_light: Declared'),
      expect: {
        what: `incident "${title}" and its page`,
        holds: (db) => db.prepare('SELECT 1 FROM incidents WHERE title = ?').get(title) !== undefined && pd.events().some((e) => e.action === 'trigger' && JSON.stringify(e.body).includes(title)),
      },
    };
  }
  const { id, channel } = pick(channels);
  const roll = rnd();
  if (roll >= 0.9) return noticeAction(n, rnd, pick, dbPath, slack, id, channel, user);
  const stepId = roll < 0.2 ? openStep(dbPath, id, pick) : null;
  if (stepId) {
    return {
      text: `done ${stepId}`,
      click: { value: encodeStepRef({ incidentId: id, stepId }) },
      user,
      channel,
      // The click's outcome comes by response_url after its empty ack, which the run does not read yet: ticks load
      // Warden (and their checklist updates are checked for duplicates) but are not counted as acknowledged.
      acked: () => false,
      expect: { what: `step ${stepId} of ${id} done`, holds: (db) => db.prepare("SELECT 1 FROM playbook_steps WHERE incident_id = ? AND step_id = ? AND status = 'done'").get(id, stepId) !== undefined },
    };
  }
  if (roll < 0.45) {
    const note = `chaos note ${n}`;
    return { text: `note ${note}`, user, channel, acked: (r) => r.includes('Noted in the timeline.'), expect: { what: `note "${note}" of ${id}`, holds: (db) => db.prepare("SELECT 1 FROM timeline WHERE incident_id = ? AND text LIKE '%' || ? || '%'").get(id, note) !== undefined } };
  }
  if (roll < 0.7) {
    const text = `chaos update ${n}`;
    return { text: `update ${text}`, user, channel, acked: (r) => r.includes('Update posted.'), expect: { what: `update "${text}" of ${id}`, holds: (db) => db.prepare("SELECT 1 FROM timeline WHERE incident_id = ? AND text LIKE '%' || ? || '%'").get(id, text) !== undefined } };
  }
  if (roll < 0.85) {
    const who = pick(USERS);
    return { text: `role scribe <@${who}>`, user, channel, acked: (r) => r.includes('Role *scribe* assigned.'), expect: { what: `scribe ${who} of ${id}`, holds: (db) => db.prepare("SELECT 1 FROM timeline WHERE incident_id = ? AND text LIKE '%scribe%'").get(id) !== undefined } };
  }
  return { text: 'clock became_aware', user, channel, acked: (r) => r.includes('Recorded `became_aware`') || r.includes('already recorded'), expect: { what: `became_aware of ${id}`, holds: (db) => db.prepare("SELECT 1 FROM clock_events WHERE incident_id = ? AND event = 'became_aware'").get(id) !== undefined } };
}

/**
 * The incidents whose channel exists. When some are declared but none is set up yet, waits for one (up to 10 s)
 * rather than declaring again: the workload stays a mix, and creates stay under conversations.create's tier.
 */
async function incidentChannels(dbPath: string): Promise<{ id: string; channel: string }[]> {
  for (let i = 0; i < 100; i++) {
    const open = withDb(dbPath, (db) => db.prepare<[], { id: string; channel: string | null }>("SELECT id, channel_id AS channel FROM incidents WHERE status <> 'closed'").all());
    const ready = open.filter((r): r is { id: string; channel: string } => r.channel !== null);
    if (ready.length > 0 || open.length === 0) return ready;
    await new Promise((r) => setTimeout(r, 100));
  }
  return [];
}

/** Waits until no job is due within a minute (reminders far in the future aside). */
async function drain(dbPath: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until && withDb(dbPath, dueJobs) > 0) await new Promise((r) => setTimeout(r, 250));
}

/**
 * Reminders that a kill or a retry lost: every open incident must still have its commander's update reminder
 * waiting (the workload runs minutes, far fewer than the cap), whatever happened to the process in between.
 */
function lostReminders(db: Database.Database): string[] {
  const rows = db.prepare<[], string>(`SELECT id FROM incidents i WHERE status <> 'closed' AND NOT EXISTS (
    SELECT 1 FROM jobs j WHERE j.incident_id = i.id AND j.kind = 'incident.update_reminder' AND j.status = 'pending')`).pluck().all();
  return rows.map((id) => `the update reminder of ${id}`);
}

/** A page triggered twice: two trigger events with one dedup key (PagerDuty would fold them, but one was sent again). */
function duplicatePages(pd: PagerDutyStandIn): string[] {
  const triggers = new Map<string, number>();
  for (const e of pd.events()) if (e.action === 'trigger') triggers.set(e.dedupKey, (triggers.get(e.dedupKey) ?? 0) + 1);
  return [...triggers].filter(([, n]) => n > 1).map(([key, n]) => `page ${key} triggered ${n} times`);
}

/** Jobs waiting that are due within a minute (reminders days ahead are not a backlog). */
function dueJobs(db: Database.Database): number {
  return db.prepare<[string], number>("SELECT count(*) FROM jobs WHERE status = 'pending' AND due_at <= ?").pluck().get(new Date(Date.now() + 60_000).toISOString()) ?? 0;
}

/** Posts sent twice: the same job's same post (its delivery metadata), a note or update twice, or a second channel or card. */
function duplicates(slack: SlackStandIn, db: Database.Database): string[] {
  const found: string[] = [];
  const seen = new Map<string, number>();
  for (const channel of slack.channels()) {
    for (const m of slack.messages(channel.id)) {
      const payload = m.metadata?.event_type === 'warden_delivery' ? (m.metadata.event_payload as { job?: number; n?: number }) : undefined;
      if (payload?.job !== undefined) {
        const key = `job ${payload.job} post ${payload.n} in ${channel.name || channel.id}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
    }
  }
  for (const [key, n] of seen) if (n > 1) found.push(`${key} (${n} times)`);
  // A second channel of one incident: Slack has `name` and `name-2` (or the number) while the incident holds one of them.
  const held = db.prepare<[], { id: string; name: string | null }>('SELECT id, channel_name AS name FROM incidents').all();
  const names = new Set(held.map((i) => i.name));
  for (const c of slack.channels()) {
    if (!c.name.startsWith('inc-') || names.has(c.name)) continue;
    const owner = held.find((i) => i.name !== null && (i.name.startsWith(`${c.name}-`) || c.name.startsWith(`${i.name}-`)));
    found.push(owner ? `channel #${c.name} made besides ${owner.id}'s #${owner.name}` : `channel #${c.name} made for no incident that holds it (set-up still pending?)`);
  }
  return found;
}
