/**
 * The chaos run (issue 14): a scripted workload of slash commands against `warden start` running as its own
 * process, SIGKILLed at random points and started again, while the Slack stand-in answers with 429s, 5xx, lost
 * answers and latency. Afterwards every acknowledged action must be in the database and no Slack post may have
 * gone out twice. `npm run chaos` runs it long; test/chaos/chaos.test.ts runs it short as part of `npm test`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { freePort } from '../support/free-port.js';
import { repoPath } from '../support/repo-path.js';
import { sendSlashCommand } from '../support/stand-ins/slack/requests/index.js';
import { makeTriggerId, startSlackStandIn, TEAM_ID, type SlackStandIn } from '../support/stand-ins/slack/index.js';

const TOKEN = 'xoxb-chaos-run-not-real';
const SECRET = 'chaos-run-signing-secret';
const USERS = ['UALICE', 'UBOB', 'UCAROL'];

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
  kills: number;
  lost: string[];
  duplicated: string[];
  failedJobs: number;
  pendingJobs: number;
  seed: number;
}

/** `actions N, kills N, lost 0, duplicated 0`: the line `npm run chaos` prints. */
export const summaryLine = (s: ChaosSummary): string =>
  `actions ${s.actions} (acknowledged ${s.acknowledged}), kills ${s.kills}, lost ${s.lost.length}, duplicated ${s.duplicated.length}, failed jobs ${s.failedJobs}, seed ${s.seed}`;

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
  writeFileSync(join(dir, 'warden.yaml'), 'incidents:\n  privateTypes: []\nlimits:\n  commandsPerUserPerMinute: 100000\n  commandBurstPerUser: 100000\n  commandsPerWorkspacePerMinute: 100000\n');
  const slack = await startSlackStandIn({ token: TOKEN });
  slack.addChannel('incidents', { botJoined: true });
  slack.delay('*', 150);
  let warden: Running | null = null;
  const expectations: Expectation[] = [];
  let acknowledged = 0;
  let kills = 0;
  const killAt = new Set(Array.from({ length: opts.kills }, () => 1 + Math.floor(rnd() * Math.max(1, opts.actions - 1))));
  try {
    warden = await startWarden(dir, dbPath, slack);
    for (let n = 1; n <= opts.actions; n++) {
      injectFault(slack, rnd, pick);
      const action = nextAction(n, rnd, pick, dbPath);
      const answer = await sendSlashCommand(warden.url, SECRET, { command: '/incident', text: action.text, userId: action.user, channelId: action.channel, triggerId: makeTriggerId(action.user) }).catch(() => null);
      const text = answer && answer.status === 200 ? JSON.stringify(answer.body) : '';
      if (action.acked(text)) {
        acknowledged++;
        expectations.push(action.expect);
      }
      if (killAt.has(n)) {
        warden.child.kill('SIGKILL');
        await warden.exited;
        kills++;
        warden = await startWarden(dir, dbPath, slack);
      }
    }
    slack.clearDelay();
    await drain(dbPath, opts.drainMs ?? 60_000);
    const db = new Database(dbPath, { readonly: true });
    try {
      const lost = expectations.filter((e) => !e.holds(db)).map((e) => e.what);
      const jobs = Object.fromEntries(db.prepare<[], { status: string; n: number }>('SELECT status, count(*) AS n FROM jobs GROUP BY status').all().map((r) => [r.status, r.n]));
      return { actions: opts.actions, acknowledged, kills, lost, duplicated: duplicates(slack, db), failedJobs: jobs.failed ?? 0, pendingJobs: (jobs.pending ?? 0) + (jobs.running ?? 0), seed: opts.seed };
    } finally {
      db.close();
    }
  } finally {
    warden?.child.kill('SIGTERM');
    await warden?.exited;
    await slack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Running {
  child: ChildProcess;
  url: string;
  exited: Promise<unknown>;
}

/** `warden start` as a container runs it (bin/warden.js), on loopback, against the stand-in; resolves once /readyz is 200. */
async function startWarden(dir: string, dbPath: string, slack: SlackStandIn): Promise<Running> {
  const port = await freePort();
  const env = { PATH: process.env.PATH, SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl, SLACK_TEAM_ID: TEAM_ID, WARDEN_DB: dbPath, WARDEN_CONFIG: join(dir, 'warden.yaml'), HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'silent' };
  const child = spawn(process.execPath, [repoPath('bin/warden.js'), 'start'], { env, stdio: 'ignore' });
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
function injectFault(slack: SlackStandIn, rnd: () => number, pick: <T>(xs: readonly T[]) => T): void {
  const roll = rnd();
  const method = pick(['chat.postMessage', 'chat.update', 'conversations.create', 'conversations.setTopic', 'pins.add']);
  if (roll < 0.08) slack.rateLimitNext(method, 1);
  else if (roll < 0.14) slack.failNext(method, 'internal_error');
  else if (roll < 0.2) slack.loseAnswerNext(method);
}

interface Action {
  text: string;
  user: string;
  channel: string;
  acked(reply: string): boolean;
  expect: Expectation;
}

/** A declare now and then, else a note, an update, a role or a clock event in an incident whose channel exists. */
function nextAction(n: number, rnd: () => number, pick: <T>(xs: readonly T[]) => T, dbPath: string): Action {
  const user = pick(USERS);
  const channels = incidentChannels(dbPath);
  if (channels.length === 0 || rnd() < 0.25) {
    const title = `Chaos incident ${n}`;
    return {
      text: `declare sev2 ${title}`,
      user,
      channel: 'CGENERAL',
      acked: (r) => r.includes(':rotating_light: Declared'),
      expect: { what: `incident "${title}"`, holds: (db) => db.prepare('SELECT 1 FROM incidents WHERE title = ?').get(title) !== undefined },
    };
  }
  const { id, channel } = pick(channels);
  const roll = rnd();
  if (roll < 0.4) {
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

function incidentChannels(dbPath: string): { id: string; channel: string }[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[], { id: string; channel: string }>("SELECT id, channel_id AS channel FROM incidents WHERE channel_id IS NOT NULL AND status <> 'closed'").all();
  } finally {
    db.close();
  }
}

/** Waits until no job is pending or running (reminders far in the future aside). */
async function drain(dbPath: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const db = new Database(dbPath, { readonly: true });
    const due = db.prepare<[string], number>("SELECT count(*) FROM jobs WHERE status IN ('pending', 'running') AND due_at <= ?").pluck().get(new Date(Date.now() + 60_000).toISOString()) ?? 0;
    db.close();
    if (due === 0) return;
    await new Promise((r) => setTimeout(r, 250));
  }
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
  const names = new Set(db.prepare<[], string>('SELECT channel_name FROM incidents WHERE channel_name IS NOT NULL').pluck().all());
  for (const c of slack.channels()) if (c.name.startsWith('inc-') && !names.has(c.name)) found.push(`channel #${c.name} made but not the incident's`);
  return found;
}
