import { AsyncLocalStorage } from 'node:async_hooks';

/** What an outbound call may need to know of the job it is made for. */
export interface JobContext {
  jobId: number;
  kind: string;
  /** When an earlier run of the job first sent a post (it may be out already), or null: nothing was ever sent. */
  sentBefore: Date | null;
  /** Posts made so far in this run, so each post of a job has a stable number across runs. */
  posts: number;
  /** Records, durably and before the first post leaves, that this job has started sending. */
  markSending(): void;
}

const storage = new AsyncLocalStorage<JobContext>();
let running = 0;

/**
 * Runs a job's handler with its context visible to every call it makes (see currentJob). While a context is in
 * use, Node 20 tracks every promise the process makes (its promise hooks: about a twentieth of the allocations of
 * a declaration under load, none of them needed by an ack), so the storage is turned off again whenever no job is
 * running. A handler that left work running after it settled would find no job then: the runner waits for it.
 */
export async function runInJob<T>(context: JobContext, fn: () => Promise<T> | T): Promise<T> {
  running += 1;
  try {
    return await storage.run(context, fn);
  } finally {
    running -= 1;
    if (running === 0) storage.disable();
  }
}

/** The job the current code runs for, or undefined outside the job runner (an ack, a modal). */
export const currentJob = (): JobContext | undefined => storage.getStore();
