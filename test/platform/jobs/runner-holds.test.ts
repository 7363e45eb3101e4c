import { describe, expect, it } from 'vitest';
import { eachTestJobWorld, silent } from './job-world.js';
import { z } from 'zod';
import { createJobRunner } from '../../../src/platform/jobs/runner.js';
import { defineJob, type FailureVerdict } from '../../../src/platform/jobs/define-job.js';
import type { ManualClock } from '../../../src/platform/clock.js';
import type { Store } from '../../../src/features/incidents/store/store.js';

let store: Store;
let clock: ManualClock;

eachTestJobWorld((w) => void ({ store, clock } = w));

class Paced extends Error {}
const PACED_MS = 60_000;
/** Channel creation, paced once: the first run is put off a minute without spending an attempt, holding its lane or not. */
const classify = (holdsLane: boolean) => (error: unknown): FailureVerdict =>
  error instanceof Paced ? { retry: true, afterMs: PACED_MS, spendsAttempt: false, holdsLane } : { retry: true };

/** A runner with `create` (paced on its first run), `post` (which needs the channel) and `page` (which passes holds). */
function world(holdsLane = true) {
  const runs: string[] = [];
  let created = false;
  const record = z.object({ name: z.string() });
  const jobs = [
    defineJob({ kind: 'create', payload: record, failures: classify(holdsLane), run: (p) => {
      if (runs.filter((r) => r.startsWith('create')).length === 0) {
        runs.push(`create ${p.name} (paced)`);
        throw new Paced();
      }
      created = true;
      runs.push(`create ${p.name}`);
    } }),
    defineJob({ kind: 'post', payload: record, failures: () => ({ retry: true, afterMs: 5_000, spendsAttempt: false }), run: (p) => {
      runs.push(`post ${p.name}${created ? '' : ' (no channel)'}`);
      if (!created) throw new Error('no channel yet');
    } }),
    defineJob({ kind: 'page', payload: record, passesHolds: true, run: (p) => void runs.push(`page ${p.name}`) }),
  ];
  const enqueue = (kind: string, name: string, incidentId = 'INC-1') => store.jobs.enqueue({ kind, dueAt: clock.now(), payload: { name }, incidentId }, clock.now());
  return { runs, enqueue, runner: createJobRunner({ store, clock, logger: silent, jobs, concurrency: 1 }) };
}

describe('the job runner: a job that holds its lane', () => {
  it('when an incident\'s channel creation is paced, then its later posts wait behind it and each runs once, in order, after it', async () => {
    const w = world();
    w.enqueue('create', 'c');
    for (const name of ['card', 'update', 'note']) w.enqueue('post', name);
    await w.runner.runDue();
    expect(w.runs).toEqual(['create c (paced)']);
    clock.advance(PACED_MS);
    await w.runner.runDue();
    expect(w.runs).toEqual(['create c (paced)', 'create c', 'post card', 'post update', 'post note']);
  });

  it('when the lane is held, then another incident\'s jobs and a page of the held incident still run now', async () => {
    const w = world();
    w.enqueue('create', 'c');
    w.enqueue('post', 'card');
    w.enqueue('page', 'on-call');
    w.enqueue('page', 'other', 'INC-2');
    await w.runner.runDue();
    expect(w.runs).toEqual(['create c (paced)', 'page on-call', 'page other']);
  });

  it('when the paced job does not hold its lane, then the posts behind it run without a channel and are put off one by one', async () => {
    const w = world(false);
    w.enqueue('create', 'c');
    w.enqueue('post', 'card');
    await w.runner.runDue();
    expect(w.runs).toEqual(['create c (paced)', 'post card (no channel)']);
  });
});

/**
 * A runner whose `create` says it must wait `waits[i]` ms when asked the i-th time (0 from then on); `post` needs
 * nothing, `page` passes holds. `booked`: the runner also books paced jobs in the transaction that queues them.
 */
function pacedWorld(waits: number[], { booked = false } = {}) {
  const runs: string[] = [];
  const asked: number[] = [];
  const record = z.object({ name: z.string() });
  const jobs = [
    defineJob({ kind: 'create', payload: record, paced: (job) => (asked.push(job.id), waits[asked.length - 1] ?? 0), run: (p) => void runs.push(`create ${p.name}`) }),
    defineJob({ kind: 'post', payload: record, run: (p) => void runs.push(`post ${p.name}`) }),
    defineJob({ kind: 'page', payload: record, passesHolds: true, run: (p) => void runs.push(`page ${p.name}`) }),
  ];
  const runner = createJobRunner({ store, clock, logger: silent, jobs, concurrency: 1 });
  if (booked) store.beforeJobsCommit((queued) => runner.paceQueued(queued));
  const enqueue = (kind: string, name: string, dueAt = clock.now()) => store.jobs.enqueue({ kind, dueAt, payload: { name }, incidentId: 'INC-1' }, clock.now()) as number;
  return { runs, asked, enqueue, runner };
}

describe('the job runner: a job that asks how long its first call waits', () => {
  it('when it must wait, then it is not run: it is put off that long without spending an attempt, its incident\'s later jobs behind it, but a page', async () => {
    const w = pacedWorld([30_000]);
    const create = w.enqueue('create', 'c');
    w.enqueue('post', 'card');
    w.enqueue('page', 'on-call');
    await w.runner.runDue();
    expect(w.runs).toEqual(['page on-call']);
    expect(store.jobs.get(create)).toMatchObject({ status: 'pending', attempts: 0, dueAt: new Date(clock.now().getTime() + 30_000) });
    clock.advance(29_999);
    await w.runner.runDue();
    expect(w.runs).toEqual(['page on-call']);
    clock.advance(1);
    await w.runner.runDue();
    expect(w.runs).toEqual(['page on-call', 'create c', 'post card']);
    expect(w.asked).toEqual([create, create]);
    expect(store.jobs.get(create)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('when it need not wait, then it runs at once, asked once', async () => {
    const w = pacedWorld([0]);
    w.enqueue('create', 'c');
    w.enqueue('post', 'card');
    await w.runner.runDue();
    expect(w.runs).toEqual(['create c', 'post card']);
    expect(w.asked).toHaveLength(1);
  });
});

describe('the job runner: a paced job booked to its slot as it is queued', () => {
  const bookingWorld = (waits: number[]) => pacedWorld(waits, { booked: true });
  const inOne = <T>(fn: () => T): T => store.transaction(fn);

  it('when its tier is full as the transaction queues it, then it is due at its slot as that commits, its lane\'s later jobs behind it but a page, and never run before', async () => {
    const w = bookingWorld([30_000]);
    const [create, post, page] = inOne(() => [w.enqueue('create', 'c'), w.enqueue('post', 'card'), w.enqueue('page', 'on-call')]);
    const slot = new Date(clock.now().getTime() + 30_000);
    expect(store.jobs.get(create)).toMatchObject({ status: 'pending', attempts: 0, dueAt: slot, lastError: expect.stringMatching(/^paced/) });
    expect(store.jobs.get(post)?.dueAt).toEqual(slot);
    expect(store.jobs.get(page)?.dueAt).toEqual(clock.now());
    await w.runner.runDue();
    expect(w.runs).toEqual(['page on-call']);
    expect(w.asked).toEqual([create]);
    clock.advance(30_000);
    await w.runner.runDue();
    expect(w.runs).toEqual(['page on-call', 'create c', 'post card']);
    expect(w.asked).toEqual([create, create]);
    expect(store.jobs.get(create)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('when its tier has room, then queuing it changes nothing and it runs at once', async () => {
    const w = bookingWorld([0, 0]);
    const create = inOne(() => w.enqueue('create', 'c'));
    expect(store.jobs.get(create)).toMatchObject({ dueAt: clock.now(), lastError: null });
    await w.runner.runDue();
    expect(w.runs).toEqual(['create c']);
  });

  it('when it is queued to fall due later, then it is not asked until it is due', async () => {
    const w = bookingWorld([30_000]);
    const create = inOne(() => w.enqueue('create', 'c', new Date(clock.now().getTime() + 5_000)));
    expect(w.asked).toEqual([]);
    clock.advance(5_000);
    await w.runner.runDue();
    expect(w.asked).toEqual([create]);
    expect(w.runs).toEqual([]);
    expect(store.jobs.get(create)?.dueAt).toEqual(new Date(clock.now().getTime() + 30_000));
  });

  it('when booking it fails, then the transaction still commits, it is said, and the job is paced when it runs', async () => {
    const errors: string[] = [];
    const asked: number[] = [];
    const record = z.object({ name: z.string() });
    const jobs = [defineJob({ kind: 'create', payload: record, paced: (job) => {
      asked.push(job.id);
      if (asked.length === 1) throw new Error('the pacer is broken');
      return 0;
    }, run: () => undefined })];
    const runner = createJobRunner({ store, clock, logger: { ...silent, error: (o: object, msg?: string) => void errors.push(`${msg}: ${JSON.stringify(o)}`) }, jobs });
    store.beforeJobsCommit((queued) => runner.paceQueued(queued));
    const create = inOne(() => store.jobs.enqueue({ kind: 'create', dueAt: clock.now(), payload: { name: 'c' }, incidentId: 'INC-1' }, clock.now()) as number);
    expect(errors).toEqual([expect.stringMatching(/^booking a paced job failed; it is paced when it runs: .*the pacer is broken/)]);
    expect(store.jobs.get(create)?.status).toBe('pending');
    await runner.runDue();
    expect(asked).toEqual([create, create]);
    expect(store.jobs.get(create)?.status).toBe('done');
  });
});

describe('putting a job off (job repo)', () => {
  const at = () => new Date(clock.now().getTime() + PACED_MS);
  const queue = (kind: string, incidentId = 'INC-1') => store.jobs.enqueue({ kind, dueAt: clock.now(), payload: {}, incidentId }, clock.now()) as number;

  it('when a job is put off holding its lane, then it and the later jobs of its incident are due at the same time, but for the kinds that pass', () => {
    const [create, post, page, other] = [queue('create'), queue('post'), queue('page'), queue('post', 'INC-2')];
    expect(store.jobs.putOff({ id: create, incidentId: 'INC-1' }, at(), 'paced', ['page'])).toBe(1);
    const dueAt = (id: number) => store.jobs.get(id)?.dueAt.toISOString();
    expect([dueAt(create), dueAt(post)]).toEqual([at().toISOString(), at().toISOString()]);
    expect([dueAt(page), dueAt(other)]).toEqual([clock.now().toISOString(), clock.now().toISOString()]);
    expect(store.jobs.get(create)).toMatchObject({ attempts: 0, lastError: 'paced' });
  });

  it('when the job was cancelled while it ran, then putting it off holds nothing behind it', () => {
    const [create, post] = [queue('create'), queue('post')];
    store.jobs.cancel('INC-1', ['create'], clock.now());
    expect(store.jobs.putOff({ id: create, incidentId: 'INC-1' }, at(), 'paced', [])).toBe(0);
    expect(store.jobs.get(post)?.dueAt.toISOString()).toBe(clock.now().toISOString());
  });

  it('when it does not hold its lane, then only the job moves', () => {
    const [create, post] = [queue('create'), queue('post')];
    expect(store.jobs.putOff({ id: create, incidentId: 'INC-1' }, at(), 'paced', null)).toBe(0);
    expect(store.jobs.get(post)?.dueAt.toISOString()).toBe(clock.now().toISOString());
    expect(store.jobs.get(create)?.dueAt.toISOString()).toBe(at().toISOString());
  });
});
