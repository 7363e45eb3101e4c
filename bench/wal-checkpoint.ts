/**
 * Bench 13 (issue 15): where the WAL checkpoint runs. SQLite checkpoints on the committing connection every 1,000
 * frames, fsyncing what the log gathered; on Warden's one writer that lands inside one declare's commit in about
 * thirty, before its ack. `warden start` checkpoints from a worker thread instead (src/platform/db/wal-checkpointer.ts).
 * Here the same 3,000 declares (the transaction alone, no HTTP) run on a fresh database file each way, in this run:
 * p99 and max of a declare's transaction, with the checkpoint in the worker vs on the writer.
 */
import { join } from 'node:path';
import { declareIncident } from '../src/features/incidents/app/declare-incident.js';
import { ManualClock } from '../src/platform/clock.js';
import { startWalCheckpointer } from '../src/platform/db/wal-checkpointer.js';
import { NOW, wardenOn, type Fmt, type Row } from './incident-reads-world.js';
import { quantile } from './quantile.js';

const DECLARES = 3_000;

async function declareTimes(dbPath: string, inWorker: boolean): Promise<number[]> {
  const clock = new ManualClock(NOW);
  // Never started and never calling Slack: a declare's transaction only queues its Slack work.
  const warden = wardenOn(dbPath, clock, { apiUrl: 'http://127.0.0.1:9/api/', token: 'xoxb-bench' });
  const checkpointer = inWorker ? startWalCheckpointer(warden.db, dbPath, { logger: { warn: () => undefined } }) : null;
  const times: number[] = [];
  try {
    for (let i = 0; i < DECLARES; i++) {
      clock.advance(1000);
      const start = performance.now();
      declareIncident(warden.deps, { userId: `UB${i % 50}` }, { title: `Checkpoint bench ${i}`, severity: 'sev2' });
      times.push(performance.now() - start);
      // Turns of the event loop between requests, as a server has them.
      if (i % 5 === 4) await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    await checkpointer?.stop();
    warden.db.close();
  }
  return times;
}

export async function benchWalCheckpoint(dir: string, f: Fmt): Promise<Row[]> {
  const onWriter = await declareTimes(join(dir, 'checkpoint-writer.db'), false);
  const inWorker = await declareTimes(join(dir, 'checkpoint-worker.db'), true);
  const [wp, bp] = [quantile(inWorker, 0.99), quantile(onWriter, 0.99)];
  return [
    [`declare's transaction p99 (${DECLARES.toLocaleString('en')} on a file), WAL checkpoints in a worker thread vs on the writer (SQLite's default)`, f.ms(wp), f.ms(bp), f.ratio(wp, bp)],
    ['  p50 of the same; the slowest', f.ms(quantile(inWorker, 0.5)), f.ms(quantile(onWriter, 0.5)), `${f.ms(Math.max(...inWorker))} / ${f.ms(Math.max(...onWriter))}`],
  ];
}
