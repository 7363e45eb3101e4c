import { describe, expect, it } from 'vitest';
import { eachTestJobWorld, silent } from './job-world.js';
import { z } from 'zod';
import { ALL_MIGRATIONS } from '../../../src/compose-features.js';
import type { Store } from '../../../src/features/incidents/store/store.js';
import type { ManualClock } from '../../../src/platform/clock.js';
import { isMigrated, migrate, migrationCheck, openDb, type Db } from '../../../src/platform/db/db.js';
import { defineJob } from '../../../src/platform/jobs/define-job.js';
import { PRUNE_JOB_KIND, pruneJob, schedulePruning, type PruneDeps } from '../../../src/platform/jobs/prune-finished.js';
import { createJobRunner } from '../../../src/platform/jobs/runner.js';

const DAY = 86_400_000;
let db: Db;
let store: Store;
let clock: ManualClock;

eachTestJobWorld((w) => void ({ db, store, clock } = w));

const count = (where: string) => db.prepare(`SELECT count(*) FROM jobs WHERE ${where}`).pluck().get() as number;
const counted = () => ({ pending: count("status = 'pending'"), failed: count("status = 'failed'") });

/** `n` jobs of kind `k`, finished now as `status` (done, failed or cancelled). */
function finished(n: number, status: 'done' | 'failed' | 'cancelled', prefix: string) {
  store.transaction(() => {
    for (let i = 0; i < n; i++) {
      const id = store.jobs.enqueue({ kind: 'k', dueAt: clock.now(), idemKey: `${prefix}:${i}`, incidentId: 'INC-1' }, clock.now());
      if (status === 'done') store.jobs.markDone(id!, clock.now());
      if (status === 'failed') store.jobs.markFailed(id!, clock.now(), 'gave up');
    }
    if (status === 'cancelled') store.jobs.cancel('INC-1', ['k'], clock.now());
  });
}

function pruningRunner(overrides: Partial<PruneDeps> = {}) {
  const deps: PruneDeps = { store, clock, logger: silent, retentionMs: 30 * DAY, ...overrides };
  const other = defineJob({ kind: 'k', payload: z.object({}).passthrough(), run: () => undefined });
  return { deps, runner: createJobRunner({ store, clock, logger: silent, jobs: [pruneJob(deps), other] }) };
}

describe('the job counts /readyz and /metrics read', () => {
  it('when jobs are queued, finished, failed, cancelled, retried and pruned, then the kept counts equal counting the table', () => {
    finished(7, 'done', 'a');
    finished(3, 'failed', 'b');
    finished(4, 'cancelled', 'c');
    const retried = store.jobs.enqueue({ kind: 'k', dueAt: clock.now() }, clock.now())!;
    store.jobs.reschedule(retried, new Date(clock.now().getTime() + 60_000), 'later');
    store.jobs.enqueue({ kind: 'k', dueAt: clock.now() }, clock.now());
    expect({ pending: store.jobs.pendingCount(), failed: store.jobs.failedCount() }).toEqual(counted());
    clock.advance(31 * DAY);
    expect(store.jobs.pruneFinished(new Date(clock.now().getTime() - 30 * DAY), 100, clock.now())).toBe(11);
    expect({ pending: store.jobs.pendingCount(), failed: store.jobs.failedCount() }).toEqual({ pending: 2, failed: 3 });
    expect(counted()).toEqual({ pending: 2, failed: 3 });
  });
});

describe('pruning finished jobs', () => {
  it('when more is left than one run may prune, then follow-up runs prune the rest in bounded batches', async () => {
    finished(1_200, 'done', 'a');
    finished(5, 'failed', 'b');
    const { deps, runner } = pruningRunner({ batchSize: 100, batchesPerRun: 5 });
    clock.advance(31 * DAY);
    schedulePruning(deps);
    await runner.runDue();
    expect(count("status = 'done' AND kind = 'k'")).toBe(0);
    expect(count("status = 'failed'")).toBe(5);
    const parts = db.prepare('SELECT idem_key FROM jobs WHERE kind = ? ORDER BY id').pluck().all(PRUNE_JOB_KIND) as string[];
    // Today's slot, tomorrow's (queued first), then two follow-ups: 500 + 500 + 200.
    expect(parts).toEqual(['jobs.prune@2026-12-23T00:00:00.000Z', 'jobs.prune@2026-12-24T00:00:00.000Z', 'jobs.prune@2026-12-23T00:00:00.000Z#1', 'jobs.prune@2026-12-23T00:00:00.000Z#2']);
    expect(db.prepare('SELECT count(*) FROM job_spent_keys').pluck().get()).toBe(1_200);
  });

  it('when jobs finished inside the retention, then they are kept', async () => {
    finished(10, 'done', 'a');
    const { deps, runner } = pruningRunner();
    clock.advance(29 * DAY);
    schedulePruning(deps);
    await runner.runDue();
    expect(count("kind = 'k'")).toBe(10);
  });

  it('when Warden restarts many times in a day, then that day is pruned by one job', async () => {
    const { deps, runner } = pruningRunner();
    for (let i = 0; i < 3; i++) {
      schedulePruning(deps);
      await runner.runDue();
      clock.advance(60_000);
    }
    expect(count(`kind = '${PRUNE_JOB_KIND}' AND status = 'done'`)).toBe(1);
    expect(count(`kind = '${PRUNE_JOB_KIND}' AND status = 'pending'`)).toBe(1);
  });
});

describe('the readiness migration check', () => {
  it('when the migrations have been seen applied, then it is remembered without reading schema_migrations again', () => {
    const fresh = openDb(':memory:');
    try {
      const check = migrationCheck(fresh, ALL_MIGRATIONS);
      expect(check()).toBe(false);
      migrate(fresh, ALL_MIGRATIONS);
      expect(check()).toBe(true);
      fresh.exec('DELETE FROM schema_migrations');
      expect(isMigrated(fresh, ALL_MIGRATIONS)).toBe(false);
      expect(check()).toBe(true);
    } finally {
      fresh.close();
    }
  });
});
