import { setImmediate as nextTurn } from 'node:timers/promises';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import { defineJob } from './define-job.js';
import type { JobRepo, NewJob } from './job-repo.js';
import type { Logger } from './runner.js';

/**
 * The pruner of finished jobs: a durable job of its own, once a UTC day. Done and cancelled jobs older than
 * warden.yaml `jobs.retention` are deleted; failed ones are kept until an operator has looked (they are what
 * `warden_jobs_failed` counts). What a job did is in the audit chain and the timeline, never only in its row.
 */
export const PRUNE_JOB_KIND = 'jobs.prune';

const DAY_MS = 86_400_000;

const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO instant');
const prunePayload = z.object({ slot: instant, part: z.number().int().min(0).default(0) });

export interface PruneDeps {
  store: { jobs: JobRepo; transaction<T>(fn: () => T): T };
  clock: Clock;
  logger: Logger;
  /** Finished jobs older than this are pruned (milliseconds). */
  retentionMs: number;
  /** Rows per transaction: small, so no batch holds SQLite's write lock for long. */
  batchSize?: number;
  /** Batches per run; more left over goes to a follow-up job behind whatever else is due. */
  batchesPerRun?: number;
}

/** A slot's job: its idempotency key is the slot (and part), so restarts and retries queue it once. */
function slotJob(slot: Date, part: number, dueAt: Date): NewJob {
  const iso = slot.toISOString();
  return { kind: PRUNE_JOB_KIND, dueAt, payload: { slot: iso, part }, idemKey: `${PRUNE_JOB_KIND}@${iso}${part > 0 ? `#${part}` : ''}` };
}

const dayOf = (at: Date) => new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);

/** At start-up: today's (UTC) slot, due now if it has not run yet; queued once whatever the number of restarts. */
export function schedulePruning(deps: PruneDeps): void {
  const now = deps.clock.now();
  deps.store.transaction(() => deps.store.jobs.enqueue(slotJob(dayOf(now), 0, dayOf(now)), now));
}

/**
 * One run: queues the next day's slot first (so a failing run never ends the schedule), then deletes finished
 * jobs older than the retention in short batches, handing the event loop back between them. When the run's
 * batches are used up and more is left, a follow-up part is queued due now: it runs after the jobs already due.
 */
export async function pruneFinishedJobs(deps: PruneDeps, slot: Date, part: number): Promise<number> {
  const batchSize = deps.batchSize ?? 500;
  const batches = deps.batchesPerRun ?? 20;
  const now = deps.clock.now();
  const next = new Date(dayOf(now).getTime() + DAY_MS);
  deps.store.transaction(() => deps.store.jobs.enqueue(slotJob(next, 0, next), now));
  const before = new Date(now.getTime() - deps.retentionMs);
  let pruned = 0;
  for (let i = 0; i < batches; i++) {
    const n = deps.store.jobs.pruneFinished(before, batchSize, now);
    pruned += n;
    if (n < batchSize) {
      if (pruned > 0) deps.logger.info({ pruned, before: before.toISOString() }, 'finished jobs pruned');
      return pruned;
    }
    await nextTurn();
  }
  deps.store.transaction(() => deps.store.jobs.enqueue(slotJob(slot, part + 1, now), now));
  deps.logger.info({ pruned, before: before.toISOString(), more: true }, 'finished jobs pruned; more to prune');
  return pruned;
}

/** The pruner's job definition, for the runner's list of kinds. */
export function pruneJob(deps: PruneDeps) {
  return defineJob({
    kind: PRUNE_JOB_KIND,
    payload: prunePayload,
    run: async (p) => {
      await pruneFinishedJobs(deps, new Date(p.slot), p.part);
    },
  });
}
