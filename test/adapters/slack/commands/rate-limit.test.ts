// limiter's buckets read performance.now() themselves, so these run in real time with limits that cannot
// refill during a test (one token a minute), and assert counts, never speed.
import { describe, expect, it } from 'vitest';
import { createBucketCache } from '../../../../src/adapters/slack/commands/bucket-cache.js';
import { createCommandLimiter, type CommandLimits } from '../../../../src/adapters/slack/commands/rate-limit.js';

function aLimiter(limits: Partial<CommandLimits> = {}) {
  const hits: string[] = [];
  const warnings: object[] = [];
  const logger = { info: () => undefined, error: () => undefined, warn: (obj: object) => void warnings.push(obj) };
  const limiter = createCommandLimiter(
    { commandsPerUserPerMinute: 1, commandBurstPerUser: 2, commandsPerWorkspacePerMinute: 1_000, ...limits },
    { counters: { commandRateLimited: (scope) => void hits.push(scope) }, logger },
  );
  return { limiter, hits, warnings };
}

describe('createCommandLimiter', () => {
  it('when a person has sent their burst, then the next command is refused with the count, the limit and a wait', () => {
    const { limiter, hits, warnings } = aLimiter();
    expect(limiter.check('UALICE', 'T1')).toBeNull();
    expect(limiter.check('UALICE', 'T1')).toBeNull();
    const answer = limiter.check('UALICE', 'T1');
    expect(answer).toMatch(/^:hourglass: You have sent 2 commands in the last minute; Warden allows 1 a minute per person \(at most 2 in a row\)\. Try again in (\d+) s\.$/);
    const seconds = Number(/in (\d+) s/.exec(answer ?? '')?.[1]);
    expect(seconds).toBeGreaterThan(30);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(hits).toEqual(['user']);
    expect(warnings).toEqual([expect.objectContaining({ scope: 'user', user: 'UALICE', team: 'T1' })]);
  });

  it('when a refused command comes in, then it takes no token from the workspace', () => {
    const { limiter } = aLimiter({ commandBurstPerUser: 1, commandsPerWorkspacePerMinute: 2 });
    expect(limiter.check('UALICE', 'T1')).toBeNull();
    for (let i = 0; i < 5; i++) expect(limiter.check('UALICE', 'T1')).toContain('You have sent');
    expect(limiter.check('UBOB', 'T1')).toBeNull();
  });

  it('when the workspace has used its commands, then everyone in it is refused, and another workspace is not', () => {
    const { limiter, hits } = aLimiter({ commandsPerWorkspacePerMinute: 2 });
    expect(limiter.check('UALICE', 'T1')).toBeNull();
    expect(limiter.check('UBOB', 'T1')).toBeNull();
    expect(limiter.check('UCAROL', 'T1')).toMatch(/^:hourglass: This workspace has sent 2 commands in the last minute; Warden allows 2 a minute/);
    expect(limiter.check('UCAROL', 'T2')).toBeNull();
    expect(hits).toEqual(['workspace']);
  });

  it('when the same user id appears in two workspaces, then each has its own bucket', () => {
    const { limiter } = aLimiter({ commandBurstPerUser: 1 });
    expect(limiter.check('UALICE', 'T1')).toBeNull();
    expect(limiter.check('UALICE', 'T2')).toBeNull();
  });
});

describe('createBucketCache', () => {
  it('when commands are older than a minute, then they are no longer counted in the last minute', () => {
    let now = 0;
    const cache = createBucketCache({ size: 100, perMinute: 100 }, () => now);
    for (const at of [0, 30_000, 50_000]) {
      now = at;
      cache.get('UALICE').recent.push(now);
    }
    now = 70_000;
    expect(cache.get('UALICE').recent).toEqual([30_000, 50_000]);
    now = 109_999;
    expect(cache.get('UALICE').recent).toEqual([50_000]);
    now = 200_000;
    expect(cache.get('UALICE').recent).toEqual([]);
  });

  it('when many people have each sent a command, then the cache keeps at most its bound', () => {
    const cache = createBucketCache({ size: 10, perMinute: 20 }, () => 0, 100);
    for (let i = 0; i < 1_000; i++) cache.get(`U${i}`);
    expect(cache.size).toBe(100);
  });

  it('when a person has been idle long enough for their bucket to refill, then their entry is forgotten', () => {
    let now = 0;
    const cache = createBucketCache({ size: 10, perMinute: 20 }, () => now);
    for (let i = 0; i < 50; i++) cache.get(`U${i}`);
    expect(cache.size).toBe(50);
    now += 60_000;
    cache.get('ULATE');
    expect(cache.size).toBe(1);
  });

  it('when a person keeps sending, then their entry stays however many others come and go', () => {
    let now = 0;
    const cache = createBucketCache({ size: 10, perMinute: 20 }, () => now);
    const alice = cache.get('UALICE');
    alice.bucket.tryRemoveTokens(10);
    for (let i = 0; i < 5; i++) {
      now += 20_000;
      expect(cache.get('UALICE')).toBe(alice);
      cache.get(`U${i}`);
    }
  });
});
