import type { ZodType } from 'zod';
import type { Job } from './job-repo.js';

/**
 * How a handler's failure should be treated: retry later (at a given delay, or on the runner's backoff, spread by
 * `jitter` so many jobs failing together do not all retry at the same instant), or give up now. A wait that is not
 * the job's fault (a rate limit's Retry-After, an open circuit, pacing) sets `spendsAttempt: false`: it never brings
 * the job closer to its attempt cap. `holdsLane` (with `spendsAttempt: false`): what the job waits for, its
 * incident's later jobs wait for too (a paced channel creation: they would each run, find no channel and be put
 * off), so they are put off with it, in their order, and run after it.
 */
export type FailureVerdict = { retry: true; afterMs?: number; jitter?: boolean; spendsAttempt?: false; holdsLane?: boolean } | { retry: false };

/** A durable job kind: its payload's schema, its handler, and whose rules decide what a failure means. */
export interface JobDefinition<P = unknown> {
  kind: string;
  payload: ZodType<P>;
  run(payload: P, job: Job): Promise<void> | void;
  /**
   * Decides retry or give up: a job that calls Slack passes the Slack gateway's classifier (a 429 waits for
   * Retry-After, `channel_not_found` gives up); without one, every failure is retried with backoff.
   */
  failures?: (error: unknown) => FailureVerdict;
  /**
   * Attempts before the job fails for good, when the runner's default (8) would give up too early: a page must
   * outlast a PagerDuty outage of hours, retried with backoff until it answers.
   */
  maxAttempts?: number;
  /** Cancelled in the transaction that ends the response (resolve), like update reminders and nags. */
  responseBound?: boolean;
  /**
   * How long this run must wait before its first call can go (a Slack tier that is full), asked before the run
   * starts: when more than 0, the runner puts the job off that long without running it or spending an attempt,
   * and its incident's later jobs wait behind it (see `holdsLane`). Asking keeps the slot for the job.
   */
  paced?: (job: Job) => number;
  /**
   * The handler is synchronous and only writes to the database (no Slack call, no await): the runner runs it and
   * marks the job done in one transaction, so a crash can leave neither its writes without the mark (it would run
   * again: a second reminder) nor the mark without its writes, and each run commits once instead of twice.
   */
  transactional?: boolean;
  /** Not held back by an earlier job of its incident that holds the lane (a page to PagerDuty needs no Slack channel). */
  passesHolds?: boolean;
}

/** Declares a job kind; the runner parses every stored payload with `payload` before `run` sees it. */
export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}

/** A job definition of any payload, as lists of several kinds hold them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each definition checks its own payload with zod
export type AnyJob = JobDefinition<any>;
