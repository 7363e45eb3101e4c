import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createStore } from '../../../src/features/incidents/index.js';
import { ALL_MIGRATIONS } from '../../../src/compose-features.js';
import { ManualClock } from '../../../src/platform/clock.js';
import { migrate, openDb } from '../../../src/platform/db/db.js';
import { defineJob } from '../../../src/platform/jobs/define-job.js';
import { createJobRunner, retryDelayMs } from '../../../src/platform/jobs/runner.js';
import { createLogger } from '../../../src/platform/logger.js';

const dbs: ReturnType<typeof openDb>[] = [];
afterEach(() => dbs.splice(0).forEach((db) => db.close()));

describe('retries with jitter', () => {
  it('when 40 jobs fail together with a jittered verdict, then their retries spread over half to one and a half times the backoff', async () => {
    const db = openDb(':memory:');
    dbs.push(db);
    migrate(db, ALL_MIGRATIONS);
    const store = createStore(db);
    const clock = new ManualClock('2026-12-01T09:00:00Z');
    const failing = defineJob({ kind: 'test.flaky', payload: z.object({}), run: () => Promise.reject(new Error('down')), failures: () => ({ retry: true, jitter: true }) });
    const runner = createJobRunner({ store, clock, logger: createLogger({ level: 'silent' }), jobs: [failing] });
    for (let i = 0; i < 40; i++) store.jobs.enqueue({ kind: 'test.flaky', dueAt: clock.now(), payload: {} }, clock.now());
    await runner.idle();
    const due = (db.prepare("SELECT due_at FROM jobs WHERE kind = 'test.flaky'").all() as { due_at: string }[]).map((r) => new Date(r.due_at).getTime() - clock.now().getTime());
    const base = retryDelayMs(1);
    expect(due.every((d) => d >= base * 0.5 && d <= base * 1.5)).toBe(true);
    expect(new Set(due).size).toBeGreaterThan(10);
  });
});
