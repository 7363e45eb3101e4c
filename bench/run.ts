/**
 * `npm run bench`: Warden's hot paths, each reported as a ratio to a baseline measured in the same run
 * (this machine is shared and noisy, so absolute times mean little). Loopback only; bounded loops.
 *
 *  1. ack of `/incident declare` vs ack of `/incident help` (same signed path, no writes): cost of the write.
 *  2. delivering 500 queued posts to 50 channels (20 ms a Slack call) through the job runner's lanes vs 500 direct calls
 *     one after another; each channel's posts must arrive in order.
 *  3. `warden audit verify` of 100,000 recorded changes vs raw SHA-256 of the bytes it hashes (throughput ratio).
 *  4. computing every regime's deadline board vs reading the incident from SQLite as many times.
 *  5. MTTA/MTTR of 100,000 incidents (read model + pure domain) vs one indexed read of the same rows.
 *  6. a reminder tick (the due jobs read) with 100,000 open findings vs 10,000, nothing due: cost follows what is due.
 *  7. building the managers' digest with 100,000 stored items vs with 10,000 (the same live work in both).
 *  8. `warden backup` of a ~200 MB database vs copyFileSync of it; the longest event-loop stall during it vs idle.
 *  9. one compiled `warden deadlines` call from the shell vs `node -e ''`; `warden start` idle RSS vs a bare Bolt app.
 * 10. the failed-job count and `/readyz` at 10,000 / 100,000 / 1,000,000 stored jobs vs SELECT 1 and `/healthz`;
 *     the `/incident help` ack while 10,000 reminders fall due vs idle (bench/jobs-scale.ts).
 * 11. the reads a person triggers (list, App Home, whoami, declare's duplicate check) at 10 to 100,000 incidents,
 *     each vs one indexed read of the rows it shows: flat when the ratio at the largest size is within 1.5x of the smallest.
 * 12. the compiled `warden start` under a paced 200/s load vs a bare Bolt app under the same load: ack p99 of help and
 *     of declare, CPU per declare, resident memory after 2,000 incidents (bench/ack-floor.ts); `GET /metrics` at
 *     10 / 1,000 / 10,000 open incidents vs `GET /healthz` (bench/metrics-scale.ts).
 * 13. a declare's transaction p99 with the WAL checkpoints in a worker thread vs on the writer (bench/wal-checkpoint.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { WebClient } from '@slack/web-api';
import { enqueuePost } from '../src/features/incidents/app/outbox.js';
import { parseConfig } from '../src/config/index.js';
import { ManualClock } from '../src/platform/clock.js';
import { computeDeadlines } from '../src/features/notifications/domain/deadlines/index.js';
import { sendSlashCommand } from '../test/support/stand-ins/slack/requests/index.js';
import { BOT_ID, BOT_USER_ID, makeTriggerId, startSlackStandIn } from '../test/support/stand-ins/slack/index.js';
import { wardenFeatures } from '../src/compose-features.js';
import { createWarden } from '../src/compose.js';
import { loadRegimeCatalog } from '../src/features/notifications/files/load-regimes.js';
import { createLogger } from '../src/platform/logger.js';
import { benchPatchTick } from './patch-tick.js';
import { benchResponseMetrics } from './response-metrics.js';
import { benchDigest } from './digest-build.js';
import { AUDIT_VERIFY_LABEL, benchAuditVerify } from './audit-verify.js';
import { benchBackup } from './backup.js';
import { benchCliStart } from './cli-start.js';
import { benchIncidentReads } from './incident-reads.js';
import { benchJobsScale } from './jobs-scale.js';
import { benchAckFloor } from './ack-floor.js';
import { benchMetricsScale } from './metrics-scale.js';
import { benchWalCheckpoint } from './wal-checkpoint.js';
import { quantile } from './quantile.js';

const SECRET = `bench-${process.pid}`;
const TOKEN = 'bench-stand-in-token';

const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a');
const ms = (x: number) => `${x.toFixed(2)} ms`;

async function timeIt(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function main() {
  const clock = new ManualClock('2026-11-22T09:00:00Z');
  // The bench blasts on purpose (200 declares and 500 posts into one channel at one frozen instant) to time
  // Warden's own hot paths; Slack's rate limits would turn that into waiting on Retry-After, so they are off.
  const slack = await startSlackStandIn({ token: TOKEN, clock, rateLimits: false });
  const dir = mkdtempSync(join(tmpdir(), 'warden-bench-'));
  const config = parseConfig({ channels: { announcements: slack.addChannel('incidents').id } });
  const warden = createWarden({
    credentials: { mode: 'http', botToken: TOKEN, signingSecret: SECRET, apiUrl: slack.apiUrl },
    config, dbPath: join(dir, 'bench.db'), logger: createLogger({ level: 'silent' }), clock, botId: BOT_ID, botUserId: BOT_USER_ID, pollMs: 3_600_000,
    features: wardenFeatures(config),
  });
  const url = `http://127.0.0.1:${await warden.start(0, '127.0.0.1')}`;
  const send = (text: string, i: number) =>
    sendSlashCommand(url, SECRET, { command: '/incident', text, userId: `UB${i % 50}`, channelId: 'CGENERAL', triggerId: makeTriggerId('UBENCH') });
  try {
    const rows: string[][] = [['measure', 'subject', 'baseline', 'ratio']];
    // 1. ack latency
    const N = 200;
    for (let i = 0; i < 20; i++) await send('help', i);
    const help: number[] = [];
    const declare: number[] = [];
    for (let i = 0; i < N; i++) {
      help.push((await send('help', i)).elapsedMs);
      declare.push((await send(`declare sev2 Bench incident ${i}`, i)).elapsedMs);
    }
    rows.push(['ack p50 (declare vs help)', ms(quantile(declare, 0.5)), ms(quantile(help, 0.5)), ratio(quantile(declare, 0.5), quantile(help, 0.5))]);
    rows.push(['ack p95 (declare vs help)', ms(quantile(declare, 0.95)), ms(quantile(help, 0.95)), ratio(quantile(declare, 0.95), quantile(help, 0.95))]);
    rows.push(['ack max, declare (Slack allows 3000 ms)', ms(Math.max(...declare)), '', '']);
    await warden.runner.idle();

    // Channel creation is paced to Tier 2 (20 a minute): let the clock run until all 200 incidents have channels.
    for (let minute = 0; minute < 12; minute++) {
      clock.advance(60_000);
      await warden.runner.idle();
    }

    // 2. job delivery across channels, each Slack call taking 20 ms: the runner's lanes vs one call after another
    const incidents = warden.store.incidents.listOpen().filter((i) => i.channelId).slice(0, 50);
    const incident = incidents[0];
    if (!incident || incidents.length < 50) throw new Error('fewer than 50 incidents have channels');
    const PER_CHANNEL = 10;
    const POSTS = incidents.length * PER_CHANNEL;
    slack.delay('chat.postMessage', 20);
    warden.store.transaction(() => {
      for (let i = 0; i < PER_CHANNEL; i++) for (const inc of incidents) enqueuePost(warden.store, clock.now(), inc.id, { type: 'note', text: `bench ${i}`, by: 'UBENCH' });
    });
    const viaRunner = await timeIt(() => warden.runner.idle());
    // What Warden's pacing to Slack's tiers put off (a post past chat.postMessage's per-channel burst, or held behind
    // an earlier job of its incident that waits for its method's tier) goes out as the bench's clock moves on,
    // untimed, before each channel's order is checked.
    const postsDue = warden.db.prepare("SELECT count(*) FROM jobs WHERE kind = 'slack.post' AND status = 'pending'").pluck();
    for (let s = 0; s < 60 && (postsDue.get() as number) > 0; s++) {
      clock.advance(10_000);
      await warden.runner.idle();
    }
    const client = new WebClient(TOKEN, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
    const direct = await timeIt(async () => {
      for (let i = 0; i < POSTS; i++) await client.chat.postMessage({ channel: incidents[i % incidents.length]!.channelId as string, text: `direct ${i}` });
    });
    slack.clearDelay('chat.postMessage');
    const sequence = (channel: string) => slack.messages(channel).flatMap((m) => /\bbench (\d+)/.exec(m.text)?.[1] ?? []).join(',');
    const inOrder = incidents.every((inc) => sequence(inc.channelId as string) === Array.from({ length: PER_CHANNEL }, (_, i) => i).join(','));
    rows.push([`deliver ${POSTS} queued posts to ${incidents.length} channels (20 ms a call) vs direct calls one at a time${inOrder ? ', each channel in order' : ', OUT OF ORDER'}`, ms(viaRunner), ms(direct), ratio(viaRunner, direct)]);

    // 3. audit verification (chain, timeline, checkpoints, guards) over 100,000 recorded changes
    const av = await benchAuditVerify(dir);
    const throughput = (base: number) => (base / av.verifyMs).toFixed(2);
    rows.push([AUDIT_VERIFY_LABEL, ms(av.verifyMs), ms(av.rawMs), throughput(av.rawMs)]);
    rows.push(['  the same, vs createHash per input', ms(av.verifyMs), ms(av.streamMs), throughput(av.streamMs)]);
    rows.push(['  reading the rows alone (no hashing) vs one-shot SHA-256: the storage floor', ms(av.readMs), ms(av.rawMs), (av.rawMs / av.readMs).toFixed(2)]);
    rows.push(['  verify with the chain split over a third thread vs not split', ms(av.splitMs), ms(av.unsplitMs), ratio(av.splitMs, av.unsplitMs)]);
    rows.push(['  the chain walk alone vs the timeline worker alone (the long pole)', ms(av.chainMs), ms(av.timelineMs), ratio(av.chainMs, av.timelineMs)]);

    // 4. deadline computation
    const catalog = loadRegimeCatalog(['regimes']);
    if (!catalog.ok) throw new Error('catalog invalid');
    const regimes = [...catalog.catalog.regimes.values()];
    const events = { became_aware: new Date('2026-03-27T10:00:00Z'), discovered: new Date('2026-03-27T10:00:00Z'), determined: new Date('2026-03-27T10:00:00Z'),
      materiality_determined: new Date('2026-11-25T15:00:00Z'), classified_major: new Date('2026-03-27T12:00:00Z'), noticed: new Date('2026-03-27T10:00:00Z'),
      detected: new Date('2026-03-27T09:00:00Z'), suspected: new Date('2026-03-27T09:30:00Z'), assessed_notifiable: new Date('2026-03-28T10:00:00Z') };
    const now = new Date('2026-03-28T00:00:00Z');
    const ROUNDS = 200;
    const stages = regimes.reduce((n, r) => n + computeDeadlines(r, { events }, now).length, 0);
    const computeMs = await timeIt(() => {
      for (let i = 0; i < ROUNDS; i++) for (const r of regimes) computeDeadlines(r, { events }, now);
    });
    // Baseline: as many reads of one incident (with its roles) from SQLite as boards computed.
    const plainMs = await timeIt(() => {
      for (let i = 0; i < ROUNDS * regimes.length; i++) warden.store.incidents.get(incident.id);
    });
    rows.push([`${ROUNDS}×${regimes.length} regime boards (${stages} stages) vs as many incident reads`, ms(computeMs), ms(plainMs), ratio(computeMs, plainMs)]);
    rows.push(['  per regime board (all stages of one regime)', ms(computeMs / (ROUNDS * regimes.length)), '', '']);
    rows.push(...(await benchResponseMetrics(dir, timeIt, ms, ratio)));
    rows.push(...(await benchPatchTick(dir, timeIt, ms, ratio)));
    rows.push(...(await benchDigest(dir, timeIt, ms, ratio)));
    rows.push(...(await benchBackup(dir, timeIt, ms, ratio)));
    rows.push(...(await benchCliStart(dir, ms, ratio)));
    rows.push(...(await benchJobsScale({ dir, apiUrl: slack.apiUrl, token: TOKEN, secret: SECRET, announcements: config.channels.announcements })));
    rows.push(...(await benchIncidentReads(dir, { apiUrl: slack.apiUrl, token: TOKEN }, { ms, ratio })));
    rows.push(...(await benchAckFloor(dir, { ms, ratio })));
    rows.push(...(await benchWalCheckpoint(dir, { ms, ratio })));
    rows.push(...(await benchMetricsScale(dir, { apiUrl: slack.apiUrl, token: TOKEN }, { ms, ratio })));
    const rss = process.memoryUsage().rss / 2 ** 20;
    rows.push(['resident memory at the end', `${rss.toFixed(0)} MiB`, '', '']);
    const width = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
    for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(width[c] ?? 0)).join('  '));
  } finally {
    await warden.stop();
    await slack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
