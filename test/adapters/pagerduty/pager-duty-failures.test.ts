import { describe, expect, it } from 'vitest';
import { classifyPagerDutyFailure } from '../../../src/adapters/pagerduty/index.js';
import { PagerDutyError } from '../../../src/features/paging/index.js';
import { aTrigger, adapterAndStandIn, failureOf } from './harness.js';

const ENQUEUE = '/v2/enqueue';

describe('PagerDuty adapter: failures', () => {
  it('when PagerDuty answers 429 with Retry-After, then the call is rate limited for that long and not retried by pdjs', async () => {
    const { standIn, pagerDuty } = await adapterAndStandIn();
    standIn.rateLimitNext(ENQUEUE, 7, 4);
    const e = await failureOf(() => pagerDuty.sendEvent(aTrigger()));
    expect(e.failure).toEqual({ kind: 'rate_limited', retryAfterMs: 7000 });
    expect(standIn.calls(ENQUEUE)).toHaveLength(1);
  });

  it('when PagerDuty answers 500, then it is unavailable', async () => {
    const { standIn, pagerDuty } = await adapterAndStandIn();
    standIn.failNext(ENQUEUE, 500);
    expect((await failureOf(() => pagerDuty.sendEvent(aTrigger()))).failure).toEqual({ kind: 'unavailable', detail: 'HTTP 500' });
  });

  it('when PagerDuty does not answer in time, then it is unavailable after timeoutMs', async () => {
    const { standIn, pagerDuty } = await adapterAndStandIn({ timeoutMs: 200 });
    standIn.timeoutNext(ENQUEUE);
    const started = Date.now();
    expect((await failureOf(() => pagerDuty.sendEvent(aTrigger()))).failure).toEqual({ kind: 'unavailable', detail: 'no answer within 200 ms' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('when a slow answer comes within timeoutMs, then it is used', async () => {
    const { standIn, pagerDuty } = await adapterAndStandIn({ timeoutMs: 1000 });
    standIn.delay(100);
    expect(await pagerDuty.sendEvent(aTrigger())).toEqual({ dedupKey: 'warden-INC-42' });
  });

  it('when PagerDuty refuses connections, then it is unavailable (ECONNREFUSED)', async () => {
    const { standIn, pagerDuty } = await adapterAndStandIn();
    await standIn.down();
    expect((await failureOf(() => pagerDuty.sendEvent(aTrigger()))).failure).toEqual({ kind: 'unavailable', detail: 'no answer (ECONNREFUSED)' });
    await standIn.up();
    expect(await pagerDuty.sendEvent(aTrigger())).toEqual({ dedupKey: 'warden-INC-42' });
  });

  it('when 5 calls in a row find PagerDuty down, then the circuit opens and the next call is not even sent', async () => {
    const { standIn, pagerDuty } = await adapterAndStandIn({ halfOpenAfterMs: 60_000 });
    standIn.failNext('*', 503, 5);
    for (let i = 0; i < 5; i += 1) expect((await failureOf(() => pagerDuty.sendEvent(aTrigger()))).failure.kind).toBe('unavailable');
    expect(pagerDuty.state()).toBe('open');
    expect((await failureOf(() => pagerDuty.onCall('PSVC001'))).failure).toEqual({ kind: 'circuit_open', retryAfterMs: 60_000 });
    expect(standIn.calls()).toHaveLength(5);
  });

  it('when the circuit half-opens and PagerDuty is back, then one good call closes it', async () => {
    const { standIn, pagerDuty } = await adapterAndStandIn({ halfOpenAfterMs: 100 });
    standIn.failNext('*', 502, 5);
    for (let i = 0; i < 5; i += 1) await failureOf(() => pagerDuty.sendEvent(aTrigger()));
    expect(pagerDuty.state()).toBe('open');
    // cockatiel half-opens lazily: the first call after halfOpenAfter is the trial.
    await new Promise((resolve) => setTimeout(resolve, 150));
    await pagerDuty.sendEvent(aTrigger());
    expect(pagerDuty.state()).toBe('closed');
  });

  it('when PagerDuty rate limits or refuses many calls in a row, then the circuit stays closed', async () => {
    const { standIn, pagerDuty } = await adapterAndStandIn();
    standIn.rateLimitNext(ENQUEUE, 1, 6);
    for (let i = 0; i < 6; i += 1) expect((await failureOf(() => pagerDuty.sendEvent(aTrigger()))).failure.kind).toBe('rate_limited');
    for (let i = 0; i < 6; i += 1) await failureOf(() => pagerDuty.onCall('PNOPE'));
    expect(pagerDuty.state()).toBe('closed');
  });

  it('classifies failures for the job runner', () => {
    const verdict = (failure: ConstructorParameters<typeof PagerDutyError>[0]) => classifyPagerDutyFailure(new PagerDutyError(failure));
    expect(verdict({ kind: 'rate_limited', retryAfterMs: 7000 })).toEqual({ retry: true, afterMs: 7000 });
    expect(verdict({ kind: 'circuit_open', retryAfterMs: 30_000 })).toEqual({ retry: true, afterMs: 30_000 });
    expect(verdict({ kind: 'unavailable', detail: 'HTTP 503' })).toEqual({ retry: true, jitter: true });
    expect(verdict({ kind: 'rejected', status: 400, detail: 'x' })).toEqual({ retry: false });
    expect(classifyPagerDutyFailure(new Error('bug'))).toEqual({ retry: true });
  });
});
