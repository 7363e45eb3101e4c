import { describe, expect, it } from 'vitest';
import { wardenFeatures } from '../src/compose-features.js';
import { loadConfig, parseConfig } from '../src/config/index.js';

describe('building the modules from configuration', () => {
  it('accepts the shipped warden.example.yaml with the shipped playbooks and regimes', () => {
    const { config } = loadConfig('warden.example.yaml');
    expect(wardenFeatures(config).map((f) => f.name)).toEqual(['playbooks', 'notifications', 'paging']);
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
