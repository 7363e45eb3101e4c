import { Worker } from 'node:worker_threads';
import type { Expectation } from '../domain/checkpoint-chain.js';
import type { RangeWalk } from '../domain/verify-audit.js';
import { QUICK_PAGE, QUICK_PAGE_SQL } from './audit-repo.js';

type Reply = { ok: true; range: RangeWalk } | { ok: false; problem: string };

/** A walk of one range of the chain on another thread. */
export interface RangeInWorker {
  /** What it accepted; null when the worker could not walk (the range is then walked on this thread, the same way). */
  readonly walked: Promise<RangeWalk | null>;
  /** Ends it early (the entries before the range already failed: what it would say no longer matters). */
  stop(): void;
}

/**
 * Walks entries `from` to `to` of the database file at `path` the quick way in a worker thread with its own
 * read-only connection, checking the checkpoints among them, while this thread walks the entries before `from`:
 * reading SQLite, the larger part of verifying, then runs on both cores. The caller bounds `to` by the head it read
 * first, so that both threads walk the same entries whatever is appended meanwhile.
 */
export function chainRangeInWorker(path: string, from: number, to: number, expectations: readonly Expectation[] | null, pageSize = QUICK_PAGE): RangeInWorker {
  const pending = (expectations ?? []).filter((e) => e.count >= from && e.count <= to).map(({ count, head }) => ({ count, head })).sort((a, b) => a.count - b.count);
  // No execArgv: the worker is plain JavaScript, and a loader the parent runs under (tsx) would double its start.
  const workerData = { path, sql: QUICK_PAGE_SQL, from, to, pageSize, pending };
  const worker = new Worker(new URL('./chain-range-worker.mjs', import.meta.url), { workerData, execArgv: [] });
  const walked = new Promise<RangeWalk | null>((resolve) => {
    worker.once('message', (reply: Reply) => resolve(reply.ok ? reply.range : null));
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
  return { walked, stop: () => void worker.terminate() };
}
