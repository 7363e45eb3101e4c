import { setImmediate as nextTurn } from 'node:timers/promises';
import { ExponentialBackoff, noJitterGenerator, type IBackoff } from 'cockatiel';
import type { Clock } from '../clock.js';
import type { AnyJob, FailureVerdict } from './define-job.js';
import type { Job } from './job-repo.js';
import type { JobRepo } from './job-repo.js';

/** The logging port: what the app layer writes (pino satisfies it). */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export type { FailureVerdict } from './define-job.js';

export interface JobRunnerOptions {
  /** Where the jobs are stored (the unit of work's job table). */
  store: { jobs: JobRepo };
  clock: Clock;
  logger: Logger;
  /** Every job kind, each with its payload schema and failure rules; a kind defined twice is refused. */
  jobs: readonly AnyJob[];
  maxAttempts?: number;
  pollMs?: number;
  /**
   * Resolves when the HTTP server has no request waiting for its answer (see platform/http/request-gate.ts):
   * the runner lets acks and probes go first between jobs. Without one it only yields a turn of the event loop.
   */
  requestsClear?: () => Promise<void>;
}

const backoffPolicy = new ExponentialBackoff({ generator: noJitterGenerator, initialDelay: 2_000, maxDelay: 10 * 60_000 });

/** The delay before retry number `attempt` (1-based): 2 s, 4 s, 8 s ... capped at 10 minutes. */
export function retryDelayMs(attempt: number): number {
  let b: IBackoff<unknown> = backoffPolicy.next();
  for (let i = 1; i < attempt; i++) b = b.next(undefined);
  return b.duration;
}

/**
 * The durable scheduler: picks due jobs in due order through an index, runs their handlers one at a
 * time, retries failures with backoff, and catches up on everything that fell due while it was down.
 * Time comes from the injected clock, so tests move it by hand and call `runDue()`.
 */
export function createJobRunner(opts: JobRunnerOptions) {
  const { store, clock, logger } = opts;
  const maxAttempts = opts.maxAttempts ?? 8;
  const kinds = jobsByKind(opts.jobs);
  let running: Promise<number> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let stopping = false;

  async function runOne(job: Job): Promise<void> {
    const definition = kinds.get(job.kind);
    const now = () => clock.now();
    if (!definition) {
      store.jobs.markFailed(job.id, now(), `no handler for job kind ${job.kind}`);
      logger.error({ jobId: job.id, kind: job.kind }, 'job has no handler');
      return;
    }
    // A stored payload that does not fit its kind will not fit on a retry either: it fails at once, said why.
    const payload = definition.payload.safeParse(job.payload);
    if (!payload.success) {
      const why = payload.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ');
      store.jobs.markFailed(job.id, now(), `payload does not fit ${job.kind}: ${why}`);
      logger.error({ jobId: job.id, kind: job.kind, why }, 'job payload invalid');
      return;
    }
    try {
      await definition.run(payload.data, job);
      store.jobs.markDone(job.id, now());
    } catch (error) {
      const verdict = (definition.failures ?? retryAlways)(error);
      const message = error instanceof Error ? error.message : String(error);
      const attempt = job.attempts + 1;
      if (!verdict.retry || attempt >= (definition.maxAttempts ?? maxAttempts)) {
        store.jobs.markFailed(job.id, now(), message);
        logger.error({ jobId: job.id, kind: job.kind, attempt, err: message }, 'job failed for good');
        return;
      }
      const backoff = retryDelayMs(attempt) * ('jitter' in verdict && verdict.jitter ? 0.5 + Math.random() : 1);
      const delay = ('afterMs' in verdict ? verdict.afterMs : undefined) ?? Math.round(backoff);
      store.jobs.reschedule(job.id, new Date(now().getTime() + delay), message);
      logger.warn({ jobId: job.id, kind: job.kind, attempt, retryInMs: delay, err: message }, 'job failed; will retry');
    }
  }

  /**
   * Runs due jobs in batches, handing the event loop back after every job: a handler that never awaits I/O (a
   * reminder that only writes rows) would otherwise run 10,000 jobs in one macrotask while every HTTP request,
   * ack and `/healthz` waits. `setImmediate` lets pending I/O in first, so each slice is one job long; then,
   * while a request is still being answered, the runner waits for it (bounded) rather than compete with it.
   */
  async function drain(): Promise<number> {
    let count = 0;
    while (!stopping) {
      const batch = store.jobs.due(clock.now());
      if (batch.length === 0) return count;
      for (const job of batch) {
        if (stopping) break;
        // A job cancelled or run by another pass since the batch was read is skipped.
        const fresh = store.jobs.get(job.id);
        if (fresh?.status !== 'pending') continue;
        await runOne(fresh);
        count++;
        await nextTurn();
        if (opts.requestsClear) await opts.requestsClear();
      }
    }
    return count;
  }

  /** Runs every due job (and any that fall due while running); concurrent calls share one pass. */
  function runDue(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      do {
        again = false;
        total += await drain();
      } while (again);
      return total;
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    runDue,
    /** Ask for a pass soon (after a request queued work) without waiting for the poll. */
    poke(): void {
      setImmediate(() => void runDue().catch((err: unknown) => logger.error({ err: String(err) }, 'job pass failed')));
    },
    /** Resolves when no pass is running and nothing is due. */
    async idle(): Promise<void> {
      while (running || store.jobs.due(clock.now(), 1).length > 0) await runDue();
    },
    start(): void {
      if (timer) return;
      timer = setInterval(() => void runDue().catch((err: unknown) => logger.error({ err: String(err) }, 'job pass failed')), opts.pollMs ?? 1_000);
      timer.unref();
    },
    /** Stops polling; a running pass ends after its current job (the rest stays pending for the next start). */
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      stopping = true;
      try {
        if (running) await running;
      } finally {
        stopping = false;
      }
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;

const retryAlways = (): FailureVerdict => ({ retry: true });

function jobsByKind(jobs: readonly AnyJob[]): Map<string, AnyJob> {
  const kinds = new Map<string, AnyJob>();
  for (const job of jobs) {
    if (kinds.has(job.kind)) throw new Error(`Two features define the job kind ${job.kind}.`);
    kinds.set(job.kind, job);
  }
  return kinds;
}
