/**
 * The chaos run (issue 14): a scripted workload of slash commands and checklist clicks, paging PagerDuty, against `warden start` running as its own
 * process, SIGKILLed at random points and started again, while the Slack stand-in answers with 429s, 5xx, lost
 * answers and latency. Afterwards every acknowledged action must be in the database and no Slack post may have
 * gone out twice. `npm run chaos` runs it long; test/chaos/chaos.test.ts runs it short as part of `npm test`.
 */
import { mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startWardenProcess, type WardenProcess } from '../support/warden-process.js';
import { startSlackStandIn, TEAM_ID, type SlackStandIn } from '../support/stand-ins/slack/index.js';
import { startPagerDutyStandIn, STAND_IN_TOKEN, type PagerDutyStandIn } from '../support/stand-ins/pagerduty/index.js';
import { approveAction, channelCommand, declareAction, gdprDraftTarget, notifyAction, SECRET, submittedAction, tickAction, USERS, type Action, type Expectation, type Reply } from './chaos-actions.js';
import { dueJobs, duplicatePosts, repeatedPages, lostClockReminders, lostUpdateReminders, withDb } from './chaos-checks.js';

const TOKEN = 'xoxb-chaos-run-not-real';
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
  /** Triggers a kill made Warden send again, which PagerDuty folds by their dedup key: reported, not failed. */
  pagesRepeatedAcrossKills: string[];
  failedJobs: number;
  /** Jobs still due within a minute once the drain gave up: a backlog that did not go out. */
  pendingJobs: number;
  seed: number;
}

/** `actions N, kills N, lost 0, duplicated 0`: the line `npm run chaos` prints. */
export const summaryLine = (s: ChaosSummary): string =>
  `actions ${s.actions} (acknowledged ${s.acknowledged}: ${Object.entries(s.byKind).map(([k, n]) => `${k} ${n}`).join(', ')}), kills ${s.kills}, lost ${s.lost.length}, duplicated ${s.duplicated.length}, pages repeated across a kill ${s.pagesRepeatedAcrossKills.length}, failed jobs ${s.failedJobs}, pending jobs ${s.pendingJobs}, seed ${s.seed}`;

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
  let warden: WardenProcess | null = null;
  const expectations: Expectation[] = [];
  let acknowledged = 0;
  const byKind: Record<string, number> = {};
  let kills = 0;
  const killMarks: number[] = [];
  const killAt = new Set<number>();
  while (killAt.size < Math.min(opts.kills, opts.actions - 1)) killAt.add(1 + Math.floor(rnd() * (opts.actions - 1)));
  try {
    warden = await startWarden(dir, dbPath, slack, pd);
    for (let n = 1; n <= opts.actions; n++) {
      injectFault(slack, pd, rnd, pick);
      const action = await nextAction(n, rnd, pick, dbPath, pd, slack);
      const reply = await replyTo(action, warden.url, slack, n, dbPath);
      if (reply && action.acked(reply)) {
        acknowledged++;
        byKind[action.kind] = (byKind[action.kind] ?? 0) + 1;
        expectations.push(action.expect);
      } else if (process.env.CHAOS_VERBOSE) {
        // CHAOS_VERBOSE=1 shows what Warden answered to each action it did not confirm.
        console.log(`chaos: ${n} ${action.kind} not confirmed: ${reply ? `${reply.ack} / ${reply.later}` : 'no answer'}`);
      }
      if (killAt.has(n)) {
        warden.child.kill('SIGKILL');
        await warden.exited;
        killMarks.push(pd.events().length);
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
      const lost = [...expectations.filter((e) => !e.holds(db)).map((e) => e.what), ...lostUpdateReminders(db), ...lostClockReminders(db)];
      const failedJobs = db.prepare<[], number>("SELECT count(*) FROM jobs WHERE status = 'failed'").pluck().get() ?? 0;
      const pages = repeatedPages(pd.events(), killMarks);
      const duplicated = [...duplicatePosts(slack, db), ...pages.duplicated];
      return { actions: opts.actions, acknowledged, byKind, kills, lost, duplicated, pagesRepeatedAcrossKills: pages.acrossKills, failedJobs, pendingJobs: dueJobs(db), seed: opts.seed };
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

/** `warden start` against the stand-ins; CHAOS_LOGS=FILE appends every run's log lines there, to follow a failing seed. */
function startWarden(dir: string, dbPath: string, slack: SlackStandIn, pd: PagerDutyStandIn): Promise<WardenProcess> {
  const logs = process.env.CHAOS_LOGS;
  const env = { SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl, SLACK_TEAM_ID: TEAM_ID, WARDEN_DB: dbPath, WARDEN_CONFIG: join(dir, 'warden.yaml'), LOG_LEVEL: logs ? 'info' : 'silent',
    PAGERDUTY_ROUTING_KEY: ROUTING_KEY, PAGERDUTY_TOKEN: STAND_IN_TOKEN, PAGERDUTY_EVENTS_URL: pd.url, PAGERDUTY_API_URL: pd.url, PAGERDUTY_CA_FILE: join(dir, 'pagerduty-ca.pem') };
  return startWardenProcess(env, logs ? { stdio: ['ignore', openSync(logs, 'a'), openSync(logs, 'a')] } : {});
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

/** Sends the action and reads Warden's answer: its ack, then (up to 3 s) what came through its response_url. */
async function replyTo(action: Action, url: string, slack: SlackStandIn, n: number, dbPath: string): Promise<Reply | null> {
  const id = `chaos-${n}`;
  const acked = await action.send(url, slack.responseUrl(id, { channelId: action.channel, userId: action.user })).catch(() => null);
  if (!acked || acked.status !== 200) return null;
  const ack = typeof acked.body === 'string' ? acked.body : JSON.stringify(acked.body);
  if (ack.includes('"text"')) return { ack, later: null };
  for (let i = 0; i < 60; i++) {
    const later = slack.calls('response_url').find((c) => c.responseUrlId === id);
    if (later) return { ack, later: JSON.stringify(later.args) };
    if (action.silentWhenDone && withDb(dbPath, action.expect.holds)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { ack, later: null };
}

/** A declare now and then, else a command, a tick or a notice step in an incident whose channel exists. */
async function nextAction(n: number, rnd: () => number, pick: <T>(xs: readonly T[]) => T, dbPath: string, pd: PagerDutyStandIn, slack: SlackStandIn): Promise<Action> {
  const user = pick(USERS);
  const channels = await incidentChannels(dbPath);
  if (channels.length === 0 || rnd() < 0.25) {
    return declareAction(n, user, (title) => pd.events().some((e) => e.action === 'trigger' && JSON.stringify(e.body).includes(title)));
  }
  const { id, channel } = pick(channels);
  const roll = rnd();
  if (roll >= 0.85) {
    // A notice goes on to its next step where one waits (approved: submitted; drafted: approved), else a new draft.
    const draft = gdprDraftTarget(dbPath) ?? { id, channel };
    return submittedAction(n, dbPath) ?? approveAction(dbPath, pick) ?? notifyAction(n, slack, dbPath, draft.id, draft.channel, user);
  }
  return (roll < 0.2 ? tickAction(dbPath, pick, id, channel) : null) ?? channelCommand(n, rnd(), pick, id, channel, user);
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

