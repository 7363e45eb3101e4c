import { describe, expect, it } from 'vitest';
import { eachTestJobWorld, silent } from './job-world.js';
import { z } from 'zod';
import { createJobRunner, type FailureVerdict } from '../../../src/platform/jobs/runner.js';
import { defineJob } from '../../../src/platform/jobs/define-job.js';
import type { Job } from '../../../src/platform/jobs/job-repo.js';
import type { ManualClock } from '../../../src/platform/clock.js';
import type { Store } from '../../../src/features/incidents/store/store.js';

let store: Store;
let clock: ManualClock;

eachTestJobWorld((w) => void ({ store, clock } = w));

/** A handler whose runs wait until the test releases them, recording starts and ends. */
function gatedHandler() {
  const log: string[] = [];
  const gates = new Map<string, () => void>();
  const run = (job: Job) => {
    const name = String(job.payload.name);
    log.push(`start ${name}`);
    return new Promise<void>((resolve) => gates.set(name, resolve)).then(() => void log.push(`end ${name}`));
  };
  const release = async (name: string) => {
    while (!gates.has(name)) await new Promise((r) => setImmediate(r));
    gates.get(name)?.();
  };
  return { log, run, release, started: () => [...gates.keys()] };
}

const enqueue = (name: string, incidentId?: string, kind = 'k') =>
  store.jobs.enqueue({ kind, dueAt: clock.now(), payload: { name }, ...(incidentId ? { incidentId } : {}) }, clock.now()) as number;

function runner(run: (job: Job) => Promise<void> | void, opts: { concurrency?: number; failures?: (e: unknown) => FailureVerdict } = {}) {
  const jobs = ['k', 'other'].map((kind) =>
    defineJob({ kind, payload: z.record(z.string(), z.unknown()), run: (_p, job) => run(job), ...(opts.failures ? { failures: opts.failures } : {}) }),
  );
  return createJobRunner({ store, clock, logger: silent, jobs, maxAttempts: 3, ...(opts.concurrency ? { concurrency: opts.concurrency } : {}) });
}

const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
};

describe('the job runner: lanes', () => {
  it('when one incident’s job is stuck on a slow call, then another incident’s job runs and finishes meanwhile', async () => {
    const h = gatedHandler();
    enqueue('slow', 'INC-1');
    enqueue('fast', 'INC-2');
    const pass = runner(h.run).runDue();
    await h.release('fast');
    await settle();
    expect(h.log).toEqual(['start slow', 'start fast', 'end fast']);
    await h.release('slow');
    expect(await pass).toBe(2);
  });

  it('when work is queued while a pass waits on a slow job, then it starts at once, not when the slow job ends', async () => {
    const h = gatedHandler();
    const r = runner(h.run);
    enqueue('slow', 'INC-1');
    const pass = r.runDue();
    await settle();
    enqueue('queued meanwhile', 'INC-2');
    void r.runDue();
    await h.release('queued meanwhile');
    await settle();
    expect(h.log).toEqual(['start slow', 'start queued meanwhile', 'end queued meanwhile']);
    await h.release('slow');
    expect(await pass).toBeGreaterThanOrEqual(2);
  });

  it('keeps one incident’s jobs in due order: the second starts only after the first has ended', async () => {
    const h = gatedHandler();
    enqueue('first', 'INC-1');
    enqueue('second', 'INC-1');
    const pass = runner(h.run).runDue();
    await settle();
    expect(h.started()).toEqual(['first']);
    await h.release('first');
    await h.release('second');
    await pass;
    expect(h.log).toEqual(['start first', 'end first', 'start second', 'end second']);
  });

  it('keeps jobs of no incident in order within their kind, and runs other kinds beside them', async () => {
    const h = gatedHandler();
    enqueue('digest 1');
    enqueue('digest 2');
    enqueue('patch nag', undefined, 'other');
    const pass = runner(h.run).runDue();
    await settle();
    expect(h.started()).toEqual(['digest 1', 'patch nag']);
    for (const name of ['patch nag', 'digest 1', 'digest 2']) await h.release(name);
    await pass;
    expect(h.log.indexOf('start digest 2')).toBeGreaterThan(h.log.indexOf('end digest 1'));
  });

  it('runs at most `concurrency` jobs at once, whatever the number of incidents with due work', async () => {
    const h = gatedHandler();
    for (let i = 1; i <= 5; i++) enqueue(`job ${i}`, `INC-${i}`);
    const pass = runner(h.run, { concurrency: 2 }).runDue();
    await settle();
    expect(h.started()).toEqual(['job 1', 'job 2']);
    await h.release('job 2');
    await settle();
    expect(h.started()).toEqual(['job 1', 'job 2', 'job 3']);
    for (const name of ['job 1', 'job 3', 'job 4', 'job 5']) await h.release(name);
    expect(await pass).toBe(5);
  });

  it('when stopped during a pass, then it waits for the jobs in flight and leaves the rest pending', async () => {
    const h = gatedHandler();
    for (let i = 1; i <= 6; i++) enqueue(`job ${i}`, `INC-${i}`);
    const r = runner(h.run, { concurrency: 2 });
    void r.runDue();
    await settle();
    const stopped = r.stop();
    await h.release('job 1');
    await h.release('job 2');
    await stopped;
    expect(h.log.filter((l) => l.startsWith('end'))).toEqual(['end job 1', 'end job 2']);
    expect(store.jobs.pendingCount()).toBe(4);
  });

  it('when a failure says the wait is not the job’s fault, then it is postponed without spending an attempt, however often', async () => {
    let calls = 0;
    const id = enqueue('limited', 'INC-1');
    const r = runner(() => { calls++; throw new Error('ratelimited'); }, { failures: () => ({ retry: true, afterMs: 30_000, spendsAttempt: false }) });
    for (let i = 0; i < 10; i++) {
      await r.runDue();
      clock.advance(30_000);
    }
    expect(calls).toBe(10);
    expect(store.jobs.get(id)).toMatchObject({ status: 'pending', attempts: 0, lastError: 'ratelimited' });
  });
});

describe('the job runner: stopping', () => {
  it('when poked after stop (work finishing after its ack), then it runs nothing until started again', async () => {
    const ran: string[] = [];
    const r = runner((job) => void ran.push(String(job.payload.name)));
    await r.stop();
    enqueue('late', 'INC-1');
    r.poke();
    expect(await r.runDue()).toBe(0);
    await r.idle();
    expect(ran).toEqual([]);
    r.start();
    await r.idle();
    await r.stop();
    expect(ran).toEqual(['late']);
  });
});

describe('the job runner: handing the event loop back', () => {
  it('when a batch of handlers that never await is due at once, then each starts in its own turn of the event loop', async () => {
    let turn = 0;
    let ticking = true;
    const tick = () => {
      turn++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const startedAt: number[] = [];
    for (const n of ['a', 'b', 'c', 'd']) enqueue(n, `INC-${n}`);
    expect(await runner(() => void startedAt.push(turn), { concurrency: 4 }).runDue()).toBe(4);
    ticking = false;
    expect(new Set(startedAt).size).toBe(4);
  });

  it('when a lane was busy as one of its jobs came up in the batch, then its later jobs there wait too: the lane keeps its order', async () => {
    const ran: string[] = [];
    const turns = async (n: number) => {
      for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
    };
    // The first ends between the second's turn and the third's: the third must not start before the second.
    const r = runner(async (job) => {
      ran.push(String(job.payload.name));
      if (job.payload.name === 'first') await turns(2);
    }, { concurrency: 4 });
    for (const name of ['first', 'second', 'third']) enqueue(name, 'INC-1');
    expect(await r.runDue()).toBe(3);
    expect(ran).toEqual(['first', 'second', 'third']);
  });

  it('when a job of the batch is cancelled while the runner lets a request in, then it is not started', async () => {
    const ran: string[] = [];
    const r = runner((job) => {
      ran.push(String(job.payload.name));
      // The first start's turn: the incident's other job is called off before its own start comes.
      setImmediate(() => store.jobs.cancel('INC-2', ['k'], clock.now()));
    }, { concurrency: 4 });
    enqueue('first', 'INC-1');
    enqueue('called off', 'INC-2');
    await r.runDue();
    expect(ran).toEqual(['first']);
  });
});
