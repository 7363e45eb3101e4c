import { describe, expect, it } from 'vitest';
import { pagingSetupFrom, wardenFeatures } from '../src/compose-features.js';
import { loadConfig, pagingPolicyFrom, parseConfig } from '../src/config/index.js';

describe('building the modules from configuration', () => {
  it('accepts the shipped warden.example.yaml with the shipped playbooks and regimes', () => {
    const { config } = loadConfig('warden.example.yaml');
    expect(wardenFeatures(config).map((f) => f.name)).toEqual(['playbooks', 'notifications', 'paging', 'reviews', 'actions', 'metrics', 'patches', 'access-reviews', 'digests', 'backups', 'audit']);
  });

  it('stops start-up when paging.pageOn names a severity warden.yaml does not configure', () => {
    const config = parseConfig({ paging: { pageOn: ['sev1', 'p0'] } });
    expect(() => wardenFeatures(config)).toThrow('paging.pageOn: p0 is not a configured severity (sev1, sev2, sev3, sev4)');
  });

  it('stops start-up when a regime id in notifications.regimes.enabled does not exist', () => {
    const config = parseConfig({ notifications: { regimes: { enabled: ['gdpr', 'gdpr-art33'] } } });
    expect(() => wardenFeatures(config)).toThrow(/gdpr-art33/);
  });

  it('stops start-up when a playbook directory does not exist', () => {
    const config = parseConfig({ playbooks: { dirs: ['playbooks', 'no-such-dir'] } });
    expect(() => wardenFeatures(config)).toThrow('playbooks.dirs: no such directory: no-such-dir');
  });
});

describe('pagingSetupFrom', () => {
  const pd = { apiUrl: 'https://api.pagerduty.com', eventsUrl: 'https://events.pagerduty.com', webhookSecrets: [] };
  it('when only PAGERDUTY_ROUTING_KEY is set, then a client is built and the default service pages sev1 and sev2', () => {
    const setup = pagingSetupFrom({ ...pd, routingKey: 'r0ut1ngkey0f0the0stand0in0000001' }, {});
    expect(setup.pagerDuty).not.toBeNull();
    const policy = pagingPolicyFrom(parseConfig({}), setup.routingKey, setup.env);
    expect(policy.services.default?.pageOn).toEqual(['sev1', 'sev2']);
    expect(policy.services.default?.routingKey).toBe('r0ut1ngkey0f0the0stand0in0000001');
  });

  it('when no PagerDuty variable is set, then there is no client and nothing can page', () => {
    expect(pagingSetupFrom(pd, {}).pagerDuty).toBeNull();
  });
});
