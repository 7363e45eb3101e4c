import type { Clock } from '../clock.js';
import type { AnyJob, FailureVerdict } from './define-job.js';
import type { Job, JobRepo } from './job-repo.js';
import { runInJob } from './job-context.js';
import { createLanePool } from './lane-pool.js';
import { retryDelayMs } from './retry-delay.js';
import type { QueuedJob } from '../db/unit-of-work.js';

/** The logging port: what the app layer writes (pino satisfies it). */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export type { FailureVerdict } from './define-job.js';
export { retryDelayMs } from './retry-delay.js';

export interface JobRunnerOptions {
  /** Where the jobs are stored (the unit of work's job table), and its transaction (for transactional kinds). */
  store: { jobs: JobRepo; transaction?: <T>(fn: () => T) => T };
  clock: Clock;
  logger: Logger;
  /** Every job kind, each with its payload schema and failure rules; a kind defined twice is refused. */
  jobs: readonly AnyJob[];
  maxAttempts?: number;
  pollMs?: number;
  /**
   * Jobs run at once (default 4), each in its own lane: one incident's jobs (or one kind's, for jobs of no incident)
   * run one after another in due order, so a slow Slack call holds up its own incident only.
   */
  concurrency?: number;
  /**
   * Resolves when the HTTP server has no request waiting for its answer (see platform/http/request-gate.ts):
   * the runner lets acks and probes go first between jobs. Without one it only yields a turn of the event loop.
   */
  requestsClear?: () => Promise<void>;
  /** Told of every job that failed for good (for `/metrics`: failed deliveries by kind and reason). */
  onFailedForGood?: (job: Job, error: unknown) => void;
}

/**
 * The durable scheduler: picks due jobs in due order through an index, runs a few at once (in order within a
 * lane), retries failures with backoff, and catches up on everything that fell due while it was down.
 * Time comes from the injected clock, so tests move it by hand and call `runDue()`.
 */
export function createJobRunner(opts: JobRunnerOptions) {
  const { store, clock, logger } = opts;
  const maxAttempts = opts.maxAttempts ?? 8;
  const concurrency = Math.max(1, opts.concurrency ?? 4);
  const kinds = jobsByKind(opts.jobs);
  const passing = opts.jobs.filter((j) => j.passesHolds).map((j) => j.kind);
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
    if (putOffIfPaced(definition, job)) return;
    try {
      if (definition.transactional && store.transaction) store.transaction(() => runDone(definition, payload.data, job));
      else await runInContext(definition, payload.data, job);
    } catch (error) {
      failed(job, definition, error);
    }
  }

  /**
   * Puts a job whose first call must wait for its rate tier off to the slot kept for it, its incident's later jobs
   * behind it (but those that pass holds), without running it or spending an attempt. True when it was put off.
   */
  function putOffIfPaced(definition: AnyJob, job: Job): boolean {
    const waitMs = definition.paced?.(job) ?? 0;
    if (waitMs > 0) postpone(job, new Date(clock.now().getTime() + waitMs), PACED, passing);
    return waitMs > 0;
  }

  /** A run that may call Slack: its calls see the job (currentJob), and it is marked done once it settled. */
  async function runInContext(definition: AnyJob, payload: unknown, job: Job): Promise<void> {
    let marked = job.sendingAt !== null;
    const markSending = () => {
      if (!marked) store.jobs.markSending(job.id, clock.now());
      marked = true;
    };
    const context = { jobId: job.id, kind: job.kind, sentBefore: job.sendingAt, posts: 0, markSending };
    await runInJob(context, () => definition.run(payload, job));
    store.jobs.markDone(job.id, clock.now());
  }

  /** A transactional kind's run and its done mark, inside the caller's transaction (a throw rolls both back). */
  function runDone(definition: AnyJob, payload: unknown, job: Job): void {
    if (definition.run(payload, job) instanceof Promise) throw new Error(`job kind ${job.kind} is transactional, but its handler is asynchronous`);
    store.jobs.markDone(job.id, clock.now());
  }

  /** A run failed: retry it (with backoff, or later without spending an attempt), or record that it failed for good. */
  function failed(job: Job, definition: AnyJob, error: unknown): void {
    const now = clock.now();
    const verdict = (definition.failures ?? retryAlways)(error);
    const message = error instanceof Error ? error.message : String(error);
    const attempt = job.attempts + 1;
    if (!verdict.retry || attempt >= (definition.maxAttempts ?? maxAttempts)) {
      store.jobs.markFailed(job.id, now, message);
      logger.error({ jobId: job.id, kind: job.kind, attempt, err: message }, 'job failed for good');
      opts.onFailedForGood?.(job, error);
      return;
    }
    if (verdict.spendsAttempt === false) return postpone(job, new Date(now.getTime() + (verdict.afterMs ?? retryDelayMs(1))), message, verdict.holdsLane ? passing : null);
    const backoff = retryDelayMs(attempt) * (verdict.jitter ? 0.5 + Math.random() : 1);
    const delay = verdict.afterMs ?? Math.round(backoff);
    store.jobs.reschedule(job.id, new Date(now.getTime() + delay), message);
    logger.warn({ jobId: job.id, kind: job.kind, attempt, retryInMs: delay, err: message }, 'job failed; will retry');
  }

  /** Moves the job to `at` without spending an attempt; with `holding`, its incident's later jobs (but those kinds) wait behind it. */
  function postpone(job: Job, at: Date, why: string, holding: readonly string[] | null): void {
    const held = store.jobs.putOff(job, at, why, holding);
    logger.info({ jobId: job.id, kind: job.kind, retryAt: at.toISOString(), why, ...(held ? { held } : {}) }, 'job postponed');
  }

  const pool = createLanePool({
    concurrency,
    due: (limit, busy) => store.jobs.due(clock.now(), limit, busy),
    get: (id) => store.jobs.get(id),
    now: () => clock.now(),
    run: runOne,
    stopping: () => stopping,
    requestsClear: opts.requestsClear,
    logger,
  });

  /** Runs every due job (and any that fall due while running); concurrent calls share one pass. */
  function runDue(): Promise<number> {
    if (running) {
      again = true;
      pool.wake();
      return running;
    }
    running = (async () => {
      let total = 0;
      do {
        again = false;
        total += await pool.drain();
      } while (again);
      return total;
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    runDue,
    /**
     * Books the paced kinds among jobs just queued, in the transaction that queues them (the unit of work's
     * `beforeJobsCommit`): a job whose tier is full is due at its slot from the start, its lane held behind it, so a
     * burst of declarations costs no run per job that could only be put off, nor a transaction each to put it off.
     * A job due later is asked when it falls due. The runner still asks before each run (after a restart, the slots
     * kept in memory are gone), so a booking that fails is logged and leaves the job to be paced then, never failing
     * the transaction that queued it (a declaration).
     */
    paceQueued(queued: readonly QueuedJob[]): void {
      for (const { id, kind } of queued) {
        const definition = kinds.get(kind);
        if (!definition?.paced) continue;
        try {
          const job = store.jobs.get(id);
          if (job?.status === 'pending' && job.dueAt <= clock.now()) putOffIfPaced(definition, job);
        } catch (error) {
          logger.error({ jobId: id, kind, err: error instanceof Error ? error.message : String(error) }, 'booking a paced job failed; it is paced when it runs');
        }
      }
    },
    /** Ask for a pass soon (after a request queued work) without waiting for the poll. */
    poke(): void {
      setImmediate(() => void runDue().catch((err: unknown) => logger.error({ err: String(err) }, 'job pass failed')));
    },
    /** Resolves when no pass is running and nothing is due. */
    async idle(): Promise<void> {
      while (!stopping && (running || store.jobs.due(clock.now(), 1).length > 0)) await runDue();
    },
    start(): void {
      stopping = false;
      if (timer) return;
      timer = setInterval(() => void runDue().catch((err: unknown) => logger.error({ err: String(err) }, 'job pass failed')), opts.pollMs ?? 1_000);
      timer.unref();
    },
    /**
     * Stops polling; a running pass ends after the jobs in flight, and no pass starts again until `start` (a poke
     * from work still finishing after its ack would otherwise drain the whole backlog during shutdown). The rest
     * stays pending for the next start.
     */
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      stopping = true;
      if (running) await running;
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;

const retryAlways = (): FailureVerdict => ({ retry: true });
const PACED = 'paced: its first call waits for its rate tier';

function jobsByKind(jobs: readonly AnyJob[]): Map<string, AnyJob> {
  const kinds = new Map<string, AnyJob>();
  for (const job of jobs) {
    if (kinds.has(job.kind)) throw new Error(`Two features define the job kind ${job.kind}.`);
    kinds.set(job.kind, job);
  }
  return kinds;
}
