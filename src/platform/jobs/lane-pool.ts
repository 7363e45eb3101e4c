import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Logger } from './runner.js';
import { laneOf, type Job } from './job-repo.js';

export interface LanePoolOptions {
  /** Jobs run at once, each in its own lane (see `JobRunnerOptions.concurrency`). */
  concurrency: number;
  /** Up to `limit` due jobs in due order, none of them in the `busy` lanes. */
  due(limit: number, busy: readonly string[]): Job[];
  /** The job as stored now (it may have been cancelled, run or put off since it was read). */
  get(id: number): Job | null;
  now(): Date;
  /** Runs one job to its end (its failures are the runner's to record). */
  run(job: Job): Promise<void>;
  stopping(): boolean;
  /** See `JobRunnerOptions.requestsClear`. */
  requestsClear?: () => Promise<void>;
  logger: Logger;
}

/**
 * The runner's pool of lanes: one incident's jobs (or one kind's, for jobs of no incident) run one after another in
 * due order, up to `concurrency` lanes at once, so that a slow Slack call holds up its own incident only.
 */
export function createLanePool(opts: LanePoolOptions) {
  // Resolves when a pass is asked for while one runs: work queued meanwhile wakes a drain waiting on its lanes.
  let asked: { promise: Promise<void>; resolve: () => void } | null = null;
  const askedFor = () => (asked ??= promiseWithResolve()).promise;

  /**
   * Runs due jobs through the lanes, handing the event loop back after every start: a handler that never awaits
   * I/O (a reminder that only writes rows) would otherwise run 10,000 jobs in one macrotask while every HTTP
   * request, ack and `/healthz` waits. `setImmediate` lets pending I/O in first; then, while a request is still
   * being answered, the pool waits for it (bounded) rather than compete with it. Returns how many jobs it ran.
   */
  async function drain(): Promise<number> {
    let count = 0;
    const lanes = new Map<string, Promise<void>>();
    const start = (job: Job, lane: string) => {
      const run = opts
        .run(job)
        .catch((err: unknown) => opts.logger.error({ jobId: job.id, kind: job.kind, err: String(err) }, 'job run failed'))
        .finally(() => {
          lanes.delete(lane);
          count++;
        });
      lanes.set(lane, run);
    };
    while (!opts.stopping()) {
      const free = opts.concurrency - lanes.size;
      const batch = free > 0 ? opts.due(free, [...lanes.keys()]) : [];
      if (batch.length === 0 && lanes.size === 0) break;
      await startBatch(batch, lanes, start);
      // Fewer due than free lanes: nothing else is due outside the busy lanes until one ends or work is queued.
      if (lanes.size > 0 && (batch.length < free || lanes.size >= opts.concurrency)) await Promise.race([...lanes.values(), askedFor()]);
      await letOthersIn();
    }
    await Promise.all(lanes.values());
    return count;
  }

  /** Lets pending I/O in, then waits (bounded) while a request is still being answered. */
  async function letOthersIn(): Promise<void> {
    await nextTurn();
    if (opts.requestsClear) await opts.requestsClear();
  }

  /**
   * Starts the batch's jobs whose lanes are free, handing the event loop back between starts (four handlers that
   * never await would otherwise be one macrotask). A lane that was busy when one of its jobs came up waits for the
   * rest of the batch too, so it keeps its order; every job but the first (as just read) is read again, and one
   * cancelled, run or put off meanwhile is skipped.
   */
  async function startBatch(batch: readonly Job[], lanes: ReadonlyMap<string, unknown>, start: (job: Job, lane: string) => void): Promise<void> {
    const waiting = new Set<string>();
    for (const [i, job] of batch.entries()) {
      if (i > 0) await letOthersIn();
      if (opts.stopping()) return;
      const lane = laneOf(job);
      const fresh = lanes.has(lane) || waiting.has(lane) ? null : i === 0 ? job : opts.get(job.id);
      if (fresh?.status === 'pending' && fresh.dueAt <= opts.now()) start(fresh, lane);
      else waiting.add(lane);
    }
  }

  return {
    drain,
    /** A pass was asked for: a drain waiting on its busy lanes looks for due work again. */
    wake(): void {
      asked?.resolve();
      asked = null;
    },
  };
}

function promiseWithResolve(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
