import { describe, expect, it } from 'vitest';
import { eachTestJobWorld, silent } from './job-world.js';
import { z } from 'zod';
import { createJobRunner, retryDelayMs, type FailureVerdict } from '../../../src/platform/jobs/runner.js';
import { defineJob } from '../../../src/platform/jobs/define-job.js';
import type { Job } from '../../../src/platform/jobs/job-repo.js';
import type { ManualClock } from '../../../src/platform/clock.js';
import type { Store } from '../../../src/features/incidents/store/store.js';

let store: Store;
let clock: ManualClock;

eachTestJobWorld((w) => void ({ store, clock } = w));

type JobHandler = (job: Job) => Promise<void> | void;

/** Handlers by kind, each accepting any object payload and classifying failures with `classify`. */
function runner(handlers: Record<string, JobHandler>, classify?: (e: unknown) => FailureVerdict) {
  const jobs = Object.entries(handlers).map(([kind, run]) =>
    defineJob({ kind, payload: z.record(z.string(), z.unknown()), run: (_payload, job) => run(job), ...(classify ? { failures: classify } : {}) }),
  );
  return createJobRunner({ store, clock, logger: silent, jobs, maxAttempts: 4 });
}

describe('the durable job runner', () => {
  it('runs due jobs in due order and leaves future ones', async () => {
    const ran: string[] = [];
    const r = runner({ k: (job) => void ran.push(String(job.payload.n)) });
    store.jobs.enqueue({ kind: 'k', dueAt: new Date('2026-11-22T09:00:02Z'), payload: { n: 'second' } }, clock.now());
    store.jobs.enqueue({ kind: 'k', dueAt: new Date('2026-11-22T08:59:00Z'), payload: { n: 'first' } }, clock.now());
    store.jobs.enqueue({ kind: 'k', dueAt: new Date('2026-11-22T10:00:00Z'), payload: { n: 'later' } }, clock.now());
    clock.advance(5_000);
    expect(await r.runDue()).toBe(2);
    expect(ran).toEqual(['first', 'second']);
    expect(store.jobs.pendingCount()).toBe(1);
  });

  it('enqueues a job once per idempotency key', () => {
    expect(store.jobs.enqueue({ kind: 'k', dueAt: clock.now(), idemKey: 'x' }, clock.now())).not.toBeNull();
    expect(store.jobs.enqueue({ kind: 'k', dueAt: clock.now(), idemKey: 'x' }, clock.now())).toBeNull();
  });

  it('retries a failing job with growing backoff, then gives up after the attempt cap', async () => {
    let calls = 0;
    const r = runner({ k: () => { calls++; throw new Error('boom'); } });
    const id = store.jobs.enqueue({ kind: 'k', dueAt: clock.now() }, clock.now()) as number;
    await r.runDue();
    expect(store.jobs.get(id)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'boom' });
    expect(store.jobs.get(id)?.dueAt.getTime()).toBe(clock.now().getTime() + retryDelayMs(1));
    for (const attempt of [1, 2, 3]) {
      clock.advance(retryDelayMs(attempt));
      await r.runDue();
    }
    expect(calls).toBe(4);
    expect(store.jobs.get(id)).toMatchObject({ status: 'failed', attempts: 4 });
  });

  it('grows the delay exponentially up to ten minutes', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(retryDelayMs(20)).toBe(600_000);
  });

  it('waits as long as the error says (Retry-After) and fails at once on a permanent error', async () => {
    const r = runner({ slow: () => { throw new Error('429'); }, bad: () => { throw new Error('invalid'); } }, (e) =>
      (e as Error).message === '429' ? { retry: true, afterMs: 30_000 } : { retry: false },
    );
    const slow = store.jobs.enqueue({ kind: 'slow', dueAt: clock.now() }, clock.now()) as number;
    const bad = store.jobs.enqueue({ kind: 'bad', dueAt: clock.now() }, clock.now()) as number;
    await r.runDue();
    expect(store.jobs.get(slow)?.dueAt.toISOString()).toBe('2026-11-22T09:00:30.000Z');
    expect(store.jobs.get(bad)?.status).toBe('failed');
  });

  it('fails a job of an unknown kind instead of looping on it', async () => {
    const id = store.jobs.enqueue({ kind: 'nobody-handles-me', dueAt: clock.now() }, clock.now()) as number;
    await runner({}).runDue();
    expect(store.jobs.get(id)?.status).toBe('failed');
  });

  it('when a stored payload does not fit its kind, then the job fails at once, saying which field, and its handler never runs', async () => {
    let ran = 0;
    const jobs = [defineJob({ kind: 'typed', payload: z.object({ incidentId: z.string() }), run: () => void (ran += 1) })];
    const id = store.jobs.enqueue({ kind: 'typed', dueAt: clock.now(), payload: { incidentId: 42 } }, clock.now()) as number;
    await createJobRunner({ store, clock, logger: silent, jobs }).runDue();
    expect(ran).toBe(0);
    expect(store.jobs.get(id)?.status).toBe('failed');
    expect(store.jobs.get(id)?.lastError).toMatch(/^payload does not fit typed: incidentId: /);
  });

  it('when two features define one job kind, then the runner refuses to start', () => {
    const twice = [1, 2].map(() => defineJob({ kind: 'dup', payload: z.object({}), run: () => undefined }));
    expect(() => createJobRunner({ store, clock, logger: silent, jobs: twice })).toThrow('Two features define the job kind dup.');
  });

  it('catches up on everything that fell due while the process was down', async () => {
    const ran: number[] = [];
    for (let i = 0; i < 5; i++) store.jobs.enqueue({ kind: 'k', dueAt: new Date(clock.now().getTime() + i * 3_600_000), payload: { i } }, clock.now());
    clock.advance(10 * 3_600_000);
    await runner({ k: (job) => void ran.push(Number(job.payload.i)) }).runDue();
    expect(ran).toEqual([0, 1, 2, 3, 4]);
  });

  it('cancels an incident’s pending jobs of given kinds only', () => {
    store.jobs.enqueue({ kind: 'remind', dueAt: clock.now(), incidentId: 'INC-1' }, clock.now());
    store.jobs.enqueue({ kind: 'post', dueAt: clock.now(), incidentId: 'INC-1' }, clock.now());
    store.jobs.enqueue({ kind: 'remind', dueAt: clock.now(), incidentId: 'INC-2' }, clock.now());
    expect(store.jobs.cancel('INC-1', ['remind'], clock.now())).toBe(1);
    expect(store.jobs.pendingFor('INC-1').map((j) => j.kind)).toEqual(['post']);
    expect(store.jobs.pendingFor('INC-2')).toHaveLength(1);
  });
});
