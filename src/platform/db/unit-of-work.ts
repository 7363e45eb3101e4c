import type { Db } from './db.js';
import { jobRepo } from '../jobs/job-repo.js';

/**
 * What every feature's store shares: the job table, the transaction that groups writes that belong together,
 * and the record of inbound requests already seen. When the outermost transaction commits having queued
 * jobs, the `onJobsCommitted` listeners run: the job runner wakes there, so no handler has to.
 */
export function createUnitOfWork(db: Db) {
  const seen = db.prepare('INSERT INTO inbound_requests (key, received_at) VALUES (?, ?) ON CONFLICT DO NOTHING');
  const committed = new Set<() => void>();
  let depth = 0;
  let queued = false;
  const jobsQueued = () => {
    queued = false;
    for (const listener of committed) listener();
  };
  const jobs = jobRepo(db);
  const enqueue = jobs.enqueue;
  jobs.enqueue = (job, now) => {
    const id = enqueue(job, now);
    if (id !== null) queued = true;
    if (queued && depth === 0) jobsQueued();
    return id;
  };
  return {
    jobs,
    /** Runs `fn` in one SQLite transaction (nested calls join the outer one). */
    transaction<T>(fn: () => T): T {
      depth += 1;
      try {
        const result = db.transaction(fn)();
        if (depth === 1 && queued) jobsQueued();
        return result;
      } catch (error) {
        if (depth === 1) queued = false;
        throw error;
      } finally {
        depth -= 1;
      }
    },
    /** Called after every commit that queued jobs (and after a job queued outside a transaction). */
    onJobsCommitted(listener: () => void): void {
      committed.add(listener);
    },
    /** Records an inbound request key; false when it was seen before (a Slack retry or a double click). */
    firstSighting: (key: string, now: Date): boolean => seen.run(key, now.toISOString()).changes === 1,
  };
}

export type UnitOfWork = ReturnType<typeof createUnitOfWork>;
