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

/** Runs a job's handler with its context visible to every call it makes (see currentJob). */
export const runInJob = <T>(context: JobContext, fn: () => T): T => storage.run(context, fn);

/** The job the current code runs for, or undefined outside the job runner (an ack, a modal). */
export const currentJob = (): JobContext | undefined => storage.getStore();
