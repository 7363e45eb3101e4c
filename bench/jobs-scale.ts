/**
 * Bench 9: the job table at scale (issue 15).
 *  a. The failed-job count `/readyz` and `/metrics` read, and `GET /readyz` of a running Warden, with 10,000 /
 *     100,000 / 1,000,000 jobs stored (mostly done, some failed, some pending): each against a `SELECT 1` on the
 *     same database (the count) and `GET /healthz` of the same server (the HTTP floor). Goal: under 1 ms at 1,000,000.
 *     The full count it replaced (`count(*) WHERE status = 'failed'`) is shown beside it.
 *  b. The ack of `/incident help` while 10,000 update reminders fall due at once vs idle. Goal: within 1.3x.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ALL_MIGRATIONS, wardenFeatures } from '../src/compose-features.js';
import { createWarden, type Warden } from '../src/compose.js';
import { parseConfig } from '../src/config/index.js';
import { ManualClock } from '../src/platform/clock.js';
import { migrate, openDb } from '../src/platform/db/db.js';
import { jobRepo } from '../src/platform/jobs/job-repo.js';
import { createLogger } from '../src/platform/logger.js';
import { sendSlashCommand } from '../test/support/stand-ins/slack/requests/index.js';
import { BOT_ID, BOT_USER_ID, makeTriggerId } from '../test/support/stand-ins/slack/index.js';
import { quantile } from './quantile.js';

const NOW = '2026-11-25T09:00:00.000Z';
const SIZES = [10_000, 100_000, 1_000_000];
const CALLS = 2_000;
const REQUESTS = 300;
const ACKS = 300;

export interface JobsBenchContext {
  dir: string;
  /** The Slack stand-in's API URL and token (Warden's start-up and posts go there). */
  apiUrl: string;
  token: string;
  secret: string;
  /** A channel id for announcements. */
  announcements: string;
}

const p50 = (xs: number[]) => quantile(xs, 0.5);
const ms = (x: number) => `${x.toFixed(3)} ms`;
const us = (x: number) => `${(x * 1000).toFixed(1)} µs`;
const holds = (ok: boolean) => (ok ? 'holds' : 'does NOT hold');

/** A database with `n` jobs: 97% done (finished this week, inside the retention), 2% failed, 1% pending next week. */
function seed(path: string, n: number): void {
  const db = openDb(path);
  migrate(db, ALL_MIGRATIONS);
  const insert = db.prepare('INSERT INTO jobs (kind, due_at, payload, status, attempts, created_at, finished_at) VALUES (?, ?, ?, ?, 1, ?, ?)');
  const at = Date.parse(NOW);
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const status = i % 100 < 97 ? 'done' : i % 100 < 99 ? 'failed' : 'pending';
      const due = new Date(at + (status === 'pending' ? 7 * 86_400_000 : -(i % 5_000) * 60_000)).toISOString();
      insert.run('incident.post', due, '{"incidentId":"INC-2026-0001"}', status, due, status === 'pending' ? null : due);
    }
  })();
  db.close();
}

function startWarden(ctx: JobsBenchContext, dbPath: string, clock: ManualClock): Warden {
  const config = parseConfig({ channels: { announcements: ctx.announcements }, backups: { every: 'off' }, digests: [] });
  return createWarden({
    credentials: { mode: 'http', botToken: ctx.token, signingSecret: ctx.secret, apiUrl: ctx.apiUrl },
    config, dbPath, logger: createLogger({ level: 'silent' }), clock, botId: BOT_ID, botUserId: BOT_USER_ID, pollMs: 3_600_000,
    features: wardenFeatures(config),
  });
}

async function timeGets(url: string, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await fetch(url);
    await res.arrayBuffer();
    out.push(performance.now() - t);
  }
  return out;
}

function perCall(fn: () => unknown, n: number): number {
  for (let i = 0; i < 50; i++) fn();
  const t = performance.now();
  for (let i = 0; i < n; i++) fn();
  return (performance.now() - t) / n;
}

async function countsAt(ctx: JobsBenchContext, n: number): Promise<string[][]> {
  const path = join(ctx.dir, `jobs-${n}.db`);
  seed(path, n);
  const db = openDb(path);
  const jobs = jobRepo(db);
  const one = db.prepare('SELECT 1').pluck();
  const fullCount = db.prepare("SELECT count(*) FROM jobs WHERE status = 'failed'").pluck();
  const failedMs = perCall(() => jobs.failedCount(), CALLS);
  const selectMs = perCall(() => one.get(), CALLS);
  const fullMs = perCall(() => fullCount.get(), n >= 1_000_000 ? 5 : 20);
  db.close();
  const warden = startWarden(ctx, path, new ManualClock(NOW));
  const url = `http://127.0.0.1:${await warden.start(0, '127.0.0.1')}`;
  try {
    await warden.runner.idle();
    await timeGets(`${url}/readyz`, 20);
    const ready = p50(await timeGets(`${url}/readyz`, REQUESTS));
    const health = p50(await timeGets(`${url}/healthz`, REQUESTS));
    const label = n.toLocaleString('en-US');
    return [
      [`failed-job count, ${label} jobs stored vs SELECT 1 (goal < 1 ms): ${holds(failedMs < 1)}`, us(failedMs), us(selectMs), (failedMs / selectMs).toFixed(2)],
      [`  the full count it replaced (count(*) WHERE status = 'failed')`, ms(fullMs), us(selectMs), (fullMs / selectMs).toFixed(0)],
      [`GET /readyz p50, ${label} jobs vs GET /healthz (goal: readyz's own work < 1 ms): ${holds(ready - health < 1)}`, ms(ready), ms(health), (ready / health).toFixed(2)],
    ];
  } finally {
    await warden.stop();
  }
}

/** bench/ack-client.ts in a child process: `burst(n)` sends n `/incident help` and resolves with their ack times. */
function ackClient(url: string, secret: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./ack-client.ts', import.meta.url).pathname, url, secret], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    async burst(n: number): Promise<number[]> {
      child.stdin.write(`${n}\n`);
      const next = await lines.next();
      if (next.done) throw new Error('the ack client ended');
      return JSON.parse(next.value as string) as number[];
    },
    stop: () => child.stdin.end(),
  };
}

/**
 * `/incident help` acks, idle and then while 10,000 update reminders (of one open incident) fall due at once. The
 * acks are sent from another process, as Slack sends them; in process, the client's own turns would share
 * Warden's event loop with the reminders and be counted as Warden's delay.
 */
async function ackUnderReminders(ctx: JobsBenchContext): Promise<string[][]> {
  const clock = new ManualClock(NOW);
  const warden = startWarden(ctx, join(ctx.dir, 'jobs-acks.db'), clock);
  const url = `http://127.0.0.1:${await warden.start(0, '127.0.0.1')}`;
  const client = ackClient(url, ctx.secret);
  try {
    await sendSlashCommand(url, ctx.secret, { command: '/incident', text: 'declare sev2 Reminder storm', userId: 'UJBENCH', channelId: 'CGENERAL', triggerId: makeTriggerId('UJBENCH') });
    await warden.afterAckIdle();
    await warden.runner.idle();
    const incident = warden.store.incidents.listOpen()[0];
    if (!incident) throw new Error('no incident');
    await client.burst(30);
    const idleBefore = await client.burst(ACKS);
    const at = clock.now().toISOString();
    const insert = warden.db.prepare("INSERT INTO jobs (kind, due_at, payload, idem_key, incident_id, created_at) VALUES ('incident.update_reminder', ?, ?, ?, ?, ?)");
    warden.db.transaction(() => {
      for (let i = 0; i < 10_000; i++) insert.run(at, JSON.stringify({ incidentId: incident.id }), `bench-storm:${i}`, incident.id, at);
    })();
    const storm = warden.runner.runDue();
    const busy = await client.burst(ACKS);
    const stillDue = warden.db.prepare("SELECT count(*) FROM jobs WHERE idem_key LIKE 'bench-storm:%' AND status = 'pending'").pluck().get() as number;
    // The rest of the storm is called off so the idle acks after it are idle again (the pass skips cancelled jobs).
    warden.db.prepare("UPDATE jobs SET status = 'cancelled', finished_at = ? WHERE status = 'pending' AND due_at <= ?").run(at, at);
    await storm;
    const idle = [...idleBefore, ...(await client.burst(ACKS))];
    const ratio = p50(busy) / p50(idle);
    return [
      [`/incident help ack p50 while 10,000 reminders fall due vs idle (goal within 1.3x): ${holds(ratio <= 1.3)}`, ms(p50(busy)), ms(p50(idle)), ratio.toFixed(2)],
      [`  p95 of the same (${stillDue.toLocaleString('en-US')} of the 10,000 reminders still due after the ${ACKS} acks)`, ms(quantile(busy, 0.95)), ms(quantile(idle, 0.95)), (quantile(busy, 0.95) / quantile(idle, 0.95)).toFixed(2)],
      ['  the first ack after they fell due; the slowest', ms(busy[0] ?? 0), ms(Math.max(...busy)), ''],
    ];
  } finally {
    client.stop();
    await warden.stop();
  }
}

export async function benchJobsScale(ctx: JobsBenchContext): Promise<string[][]> {
  const rows: string[][] = [];
  for (const n of SIZES) rows.push(...(await countsAt(ctx, n)));
  rows.push(...(await ackUnderReminders(ctx)));
  return rows;
}
