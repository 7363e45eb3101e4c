import { describe, expect, it } from 'vitest';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { currentJob, runInJob, type JobContext } from '../../../src/platform/jobs/job-context.js';

const context = (jobId: number): JobContext => ({ jobId, kind: 'test.kind', sentBefore: null, posts: 0, markSending: () => undefined });

describe('the job a call is made for', () => {
  it('when two jobs run at once, then each of their calls, across awaits, sees its own job', async () => {
    const seen: [number, number | undefined][] = [];
    const job = (id: number) => async () => {
      for (let turn = 0; turn < 3; turn++) {
        await nextTurn();
        seen.push([id, currentJob()?.jobId]);
      }
      return id;
    };
    expect(await Promise.all([runInJob(context(1), job(1)), runInJob(context(2), job(2))])).toEqual([1, 2]);
    expect(seen.filter(([id, jobId]) => id !== jobId)).toEqual([]);
    expect(seen).toHaveLength(6);
  });

  it('when no job runs any more, then nothing sees one: the context is off until the next job, which sees its own', async () => {
    let release = () => {};
    const later = new Promise<void>((resolve) => (release = resolve));
    let afterwards: JobContext | undefined | 'unset' = 'unset';
    await runInJob(context(7), () => {
      // Work the handler left running after it settled (the runner never does this; the test does, to look).
      void later.then(() => (afterwards = currentJob()));
    });
    release();
    await nextTurn();
    expect(afterwards).toBeUndefined();
    expect(currentJob()).toBeUndefined();
    expect(await runInJob(context(8), async () => (await nextTurn(), currentJob()?.jobId))).toBe(8);
  });

  it('when one of two jobs ends, then the other still sees its own job', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const long = runInJob(context(1), async () => {
      await gate;
      await nextTurn();
      return currentJob()?.jobId;
    });
    await runInJob(context(2), () => undefined);
    release();
    expect(await long).toBe(1);
  });
});
