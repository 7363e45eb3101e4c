import type { Db } from './db.js';
import { jobRepo } from '../jobs/job-repo.js';

/** A job just queued, as the listeners that see it before its transaction commits are told of it. */
export interface QueuedJob {
  id: number;
  kind: string;
}

/**
 * What every feature's store shares: the job table, the transaction that groups writes that belong together,
 * and the record of inbound requests already seen. When the outermost transaction commits having queued
 * jobs, the `onJobsCommitted` listeners run: the job runner wakes there, so no handler has to. Just before it
 * commits, the `beforeJobsCommit` listeners are told which jobs it queued, and may still write in it.
 */
export function createUnitOfWork(db: Db) {
  const seen = db.prepare('INSERT INTO inbound_requests (key, received_at) VALUES (?, ?) ON CONFLICT DO NOTHING');
  const committed = new Set<() => void>();
  const beforeCommit = new Set<(queued: readonly QueuedJob[]) => void>();
  let depth = 0;
  let queued = false;
  let uncommitted: QueuedJob[] = [];
  const jobsQueued = () => {
    queued = false;
    for (const listener of committed) listener();
  };
  const tellQueued = () => {
    const jobs = uncommitted;
    uncommitted = [];
    if (jobs.length > 0) for (const listener of beforeCommit) listener(jobs);
  };
  // Built once: better-sqlite3 builds five wrapper functions for every `db.transaction(fn)` (2% of a declare's
  // allocations when built per call). It opens a savepoint when called inside a transaction, as before.
  const inTransaction = db.transaction((fn: () => unknown) => fn());
  const jobs = jobRepo(db);
  const enqueue = jobs.enqueue;
  jobs.enqueue = (job, now) => {
    const id = enqueue(job, now);
    if (id !== null) {
      queued = true;
      if (beforeCommit.size > 0) uncommitted.push({ id, kind: job.kind });
    }
    if (depth === 0) tellQueued();
    if (queued && depth === 0) jobsQueued();
    return id;
  };
  return {
    jobs,
    /** Runs `fn` in one SQLite transaction (nested calls join the outer one). */
    transaction<T>(fn: () => T): T {
      depth += 1;
      try {
        const result = inTransaction((): T => {
          const value = fn();
          if (depth === 1) tellQueued();
          return value;
        }) as T;
        if (depth === 1 && queued) jobsQueued();
        return result;
      } catch (error) {
        if (depth === 1) {
          queued = false;
          uncommitted = [];
        }
        throw error;
      } finally {
        depth -= 1;
      }
    },
    /** Called after every commit that queued jobs (and after a job queued outside a transaction). */
    onJobsCommitted(listener: () => void): void {
      committed.add(listener);
    },
    /**
     * Called inside the outermost transaction that queued jobs, after its work and before it commits (or at once,
     * for a job queued outside a transaction), with the jobs queued: what it writes commits or rolls back with them.
     */
    beforeJobsCommit(listener: (queued: readonly QueuedJob[]) => void): void {
      beforeCommit.add(listener);
    },
    /** Records an inbound request key; false when it was seen before (a Slack retry or a double click). */
    firstSighting: (key: string, now: Date): boolean => seen.run(key, now.toISOString()).changes === 1,
  };
}

export type UnitOfWork = ReturnType<typeof createUnitOfWork>;
