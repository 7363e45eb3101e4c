/** A PagerDuty adapter pointed at a fresh stand-in, trusting its certificate. */
import { afterEach } from 'vitest';
import { PagerDutyError } from '../../../src/features/paging/index.js';
import { createPagerDuty, type PagerDutyOptions } from '../../../src/adapters/pagerduty/index.js';
import { startPagerDutyStandIn, type PagerDutyStandIn } from '../../support/stand-ins/pagerduty/index.js';

export const ROUTING_KEY = 'R0123456789abcdef0123456789abcd1';

const started: PagerDutyStandIn[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()));
});

export async function adapterAndStandIn(opts: Partial<PagerDutyOptions> = {}) {
  const standIn = await startPagerDutyStandIn();
  started.push(standIn);
  const pagerDuty = createPagerDuty({ eventsUrl: standIn.url, apiUrl: standIn.url, token: standIn.token, ca: standIn.caPem, ...opts });
  return { standIn, pagerDuty };
}

export const aTrigger = (dedupKey = 'warden-INC-42') => ({
  routingKey: ROUTING_KEY,
  action: 'trigger' as const,
  dedupKey,
  payload: { summary: 'INC-42 checkout errors', source: 'warden', severity: 'critical' as const },
});

/** The PagerDutyError `fn` rejects with; fails the test on success or on any other error. */
export async function failureOf(fn: () => Promise<unknown>): Promise<PagerDutyError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof PagerDutyError) return e;
    throw e;
  }
  throw new Error('expected a PagerDutyError');
}
