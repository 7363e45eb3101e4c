import { describe, expect, it } from 'vitest';
import { createPagerDuty } from '../../../src/adapters/pagerduty/index.js';
import { aTrigger, adapterAndStandIn, failureOf } from './harness.js';

describe('PagerDuty adapter: trusting a private CA', () => {
  it('when the server has a certificate Node does not trust and no ca is given, then the call fails TLS verification', async () => {
    const { standIn } = await adapterAndStandIn();
    const untrusting = createPagerDuty({ eventsUrl: standIn.url, apiUrl: standIn.url, token: standIn.token });
    const e = await failureOf(() => untrusting.sendEvent(aTrigger()));
    expect(e.failure.kind).toBe('unavailable');
    expect(e.message).toMatch(/TLS verification failed \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)\).*PAGERDUTY_CA_FILE/);
    expect(standIn.events()).toEqual([]);
  });

  it('when the ca is given, then the same call succeeds, and no other HTTPS request trusts it', async () => {
    const { standIn, pagerDuty } = await adapterAndStandIn();
    expect(await pagerDuty.sendEvent(aTrigger())).toEqual({ dedupKey: 'warden-INC-42' });
    await expect(fetch(`${standIn.url}/oncalls`)).rejects.toThrow();
  });

  it('when a base URL is not https, then the adapter refuses to be built', () => {
    expect(() => createPagerDuty({ eventsUrl: 'http://127.0.0.1:1', apiUrl: 'https://api.pagerduty.com' })).toThrow(/PAGERDUTY_EVENTS_URL: expected an https:\/\/ URL/);
  });
});
