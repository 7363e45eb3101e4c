import { describe, expect, it } from 'vitest';
import { runChaos, summaryLine } from './chaos-run.js';

describe('the short chaos run', () => {
  it('when Warden is SIGKILLed mid-workload and Slack fails, rate-limits and loses answers, then no acknowledged action is lost and no post goes out twice', async () => {
    const seed = Number(process.env.CHAOS_SEED ?? 20261202);
    const summary = await runChaos({ actions: 40, kills: 3, seed, drainMs: 120_000 });
    console.log(summaryLine(summary));
    expect(summary.kills).toBe(3);
    expect(summary.acknowledged).toBeGreaterThan(20);
    expect(summary.lost).toEqual([]);
    expect(summary.duplicated).toEqual([]);
    expect(summary.failedJobs).toBe(0);
    expect(summary.pendingJobs).toBe(0);
  }, 240_000);
});
