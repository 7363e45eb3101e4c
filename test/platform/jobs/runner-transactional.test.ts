import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { eachTestJobWorld, silent } from './job-world.js';
import { createJobRunner } from '../../../src/platform/jobs/runner.js';
import { defineJob } from '../../../src/platform/jobs/define-job.js';
import type { ManualClock } from '../../../src/platform/clock.js';
import type { Store } from '../../../src/features/incidents/store/store.js';

let store: Store;
let clock: ManualClock;
eachTestJobWorld((w) => void ({ store, clock } = w));

const payload = z.object({ n: z.number() });
/** A reminder-like kind: each run queues one follow-up post (a write), then does what `then` says. */
function world(opts: { transactional: boolean; then?: () => void }) {
  const reminder = defineJob({
    kind: 'remind',
    payload,
    transactional: opts.transactional,
    run: (p) => {
      store.jobs.enqueue({ kind: 'post', dueAt: new Date(clock.now().getTime() + 3_600_000), payload: { n: p.n } }, clock.now());
      opts.then?.();
    },
  });
  const post = defineJob({ kind: 'post', payload, run: () => undefined });
  const runner = createJobRunner({ store, clock, logger: silent, jobs: [reminder, post] });
  const id = store.jobs.enqueue({ kind: 'remind', dueAt: clock.now(), payload: { n: 1 } }, clock.now()) as number;
  const posts = () => store.jobs.pendingCount() - (store.jobs.get(id)?.status === 'pending' ? 1 : 0);
  return { runner, id, posts };
}

/** Makes marking a job done fail ("disk I/O error", as a full disk would) until the function it returns is called. */
function breakMarkDone(): () => void {
  const markDone = store.jobs.markDone;
  let fail = true;
  store.jobs.markDone = (id, now) => {
    if (fail) throw new Error('disk I/O error');
    return markDone(id, now);
  };
  return () => void (fail = false);
}

describe('the job runner: a transactional kind', () => {
  it('when it runs, then its writes and its done mark are committed together', async () => {
    const w = world({ transactional: true });
    await w.runner.runDue();
    expect(store.jobs.get(w.id)).toMatchObject({ status: 'done', attempts: 1 });
    expect(w.posts()).toBe(1);
  });

  it('when marking it done fails, then its writes are undone with the mark, and the retry makes them once', async () => {
    const heal = breakMarkDone();
    const w = world({ transactional: true });
    await w.runner.runDue();
    expect(store.jobs.get(w.id)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'disk I/O error' });
    expect(w.posts()).toBe(0);
    heal();
    clock.advance(60_000);
    await w.runner.runDue();
    expect(store.jobs.get(w.id)?.status).toBe('done');
    expect(w.posts()).toBe(1);
  });

  it('when a kind that is not transactional fails to be marked done, then its writes stay and the retry makes them twice (what the flag prevents)', async () => {
    const heal = breakMarkDone();
    const w = world({ transactional: false });
    await w.runner.runDue();
    heal();
    clock.advance(60_000);
    await w.runner.runDue();
    expect(w.posts()).toBe(2);
  });

  it('when its handler throws after writing, then nothing it wrote is kept and the job is retried', async () => {
    const w = world({ transactional: true, then: () => { throw new Error('no such incident'); } });
    await w.runner.runDue();
    expect(store.jobs.get(w.id)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'no such incident' });
    expect(w.posts()).toBe(0);
  });

  it('when a transactional kind has an asynchronous handler, then its run fails saying so and keeps no write', async () => {
    const sneaky = defineJob({ kind: 'sneaky', payload, transactional: true, run: async () => undefined });
    const runner = createJobRunner({ store, clock, logger: silent, jobs: [sneaky] });
    const id = store.jobs.enqueue({ kind: 'sneaky', dueAt: clock.now(), payload: { n: 1 } }, clock.now()) as number;
    await runner.runDue();
    expect(store.jobs.get(id)).toMatchObject({ status: 'pending', lastError: 'job kind sneaky is transactional, but its handler is asynchronous' });
  });
});
