import { describe, expect, it } from 'vitest';
import { createPagerDuty } from '../../../src/adapters/pagerduty/index.js';
import { STAND_IN_POLICY_ID, STAND_IN_SERVICE_ID } from '../../support/stand-ins/pagerduty/index.js';
import { adapterAndStandIn, failureOf } from './harness.js';

describe('PagerDuty adapter: who is on call', () => {
  it('when asked for a service, then it reads its escalation policy and maps the on-calls with users and emails', async () => {
    const { standIn, pagerDuty } = await adapterAndStandIn();
    const entries = await pagerDuty.onCall(STAND_IN_SERVICE_ID);
    expect(entries).toEqual([
      { escalationLevel: 1, userId: 'PUSR001', userName: 'Ada Lovelace', userEmail: 'ada@example.com', start: '2020-01-01T00:00:00Z', end: '2100-01-01T00:00:00Z', scheduleName: 'Primary' },
      { escalationLevel: 2, userId: 'PUSR002', userName: 'Grace Hopper', userEmail: 'grace@example.com', start: null, end: null, scheduleName: null },
    ]);
    const calls = standIn.calls();
    expect(calls.map((c) => c.path)).toEqual([`/services/${STAND_IN_SERVICE_ID}`, '/oncalls']);
    expect(calls.every((c) => c.auth === 'valid' && c.accept === 'application/vnd.pagerduty+json;version=2')).toBe(true);
    expect(calls[1]?.query).toMatchObject({ 'escalation_policy_ids[]': [STAND_IN_POLICY_ID], 'include[]': ['users'] });
    expect(calls[1]?.query.since).toBeUndefined();
  });

  it('when asked about an instant, then since and until are that instant and only on-calls covering it come back', async () => {
    const { standIn, pagerDuty } = await adapterAndStandIn();
    const at = new Date('2150-06-01T12:00:00Z');
    const entries = await pagerDuty.onCall(STAND_IN_SERVICE_ID, at);
    expect(entries.map((e) => e.userId)).toEqual(['PUSR002']);
    expect(standIn.calls('/oncalls')[0]?.query).toMatchObject({ since: [at.toISOString()], until: [at.toISOString()] });
  });

  it('when more on-calls exist than one page holds, then every page is read', async () => {
    const { standIn, pagerDuty } = await adapterAndStandIn();
    const many = Array.from({ length: 130 }, (_, i) => ({ escalationPolicyId: STAND_IN_POLICY_ID, level: 1, userId: `PU${i}`, start: null, end: null, schedule: null }));
    standIn.setOnCalls(many);
    expect(await pagerDuty.onCall(STAND_IN_SERVICE_ID)).toHaveLength(130);
    expect(standIn.calls('/oncalls').map((c) => c.query.offset)).toEqual([['0'], ['100']]);
  });

  it('when the service does not exist, then the lookup is rejected (404), not retried', async () => {
    const { pagerDuty } = await adapterAndStandIn();
    const e = await failureOf(() => pagerDuty.onCall('PNOPE'));
    expect(e.failure).toEqual({ kind: 'rejected', status: 404, detail: 'HTTP 404: Not Found' });
  });

  it('when the token is wrong, then the 401 is a rejection whose message does not carry the token', async () => {
    const { standIn } = await adapterAndStandIn();
    const token = 'test-wrong-token-not-real';
    const pagerDuty = createPagerDuty({ eventsUrl: standIn.url, apiUrl: standIn.url, token, ca: standIn.caPem });
    const e = await failureOf(() => pagerDuty.onCall(STAND_IN_SERVICE_ID));
    expect(e.failure).toMatchObject({ kind: 'rejected', status: 401 });
    expect(e.message).not.toContain(token);
    expect(standIn.calls()[0]?.auth).toBe('invalid');
  });

  it('when no token is configured, then on-call lookups are refused without a request', async () => {
    const { standIn } = await adapterAndStandIn();
    const pagerDuty = createPagerDuty({ eventsUrl: standIn.url, apiUrl: standIn.url, ca: standIn.caPem });
    expect((await failureOf(() => pagerDuty.onCall(STAND_IN_SERVICE_ID))).failure).toMatchObject({ kind: 'rejected', status: 401 });
    expect(standIn.calls()).toEqual([]);
  });
});
