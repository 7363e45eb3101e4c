import { describe, expect, it } from 'vitest';
import { checkConfigText, defaultConfig, loadConfig, parseConfig } from '../../src/config/load-config.js';
import type { ReadTextFile } from '../../src/config/load-config.js';
import { isWardenError, WardenError } from '../../src/platform/errors.js';

/** A file system of one or more files; anything else is ENOENT. */
function filesystem(files: Record<string, string>): ReadTextFile {
  return (path) => {
    const text = files[path];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return text;
  };
}

describe('loadConfig', () => {
  it('when no path is named and there is no ./warden.yaml, then Warden runs on defaults', () => {
    const loaded = loadConfig(undefined, filesystem({}));
    expect(loaded.source).toBe('defaults');
    expect(loaded.path).toBe('./warden.yaml');
    expect(loaded.config).toEqual(defaultConfig());
  });

  it('when a named path has no file, then it is refused by name (a typo must not run with no admins and no approvers)', () => {
    expect(() => loadConfig('/etc/warden/warden.yaml', filesystem({}))).toThrow('WARDEN_CONFIG: there is no file at /etc/warden/warden.yaml (unset it to run on the defaults, or correct the path)');
  });

  it('when no path is given, then it reads ./warden.yaml', () => {
    const loaded = loadConfig(undefined, filesystem({ './warden.yaml': 'timeZone: Asia/Tokyo\n' }));
    expect(loaded).toMatchObject({ source: 'file', path: './warden.yaml', config: { timeZone: 'Asia/Tokyo' } });
  });

  it('the defaults cover every severity, role and section with sensible values', () => {
    const c = defaultConfig();
    expect(Object.keys(c.severities)).toEqual(['sev1', 'sev2', 'sev3', 'sev4']);
    expect(c.severities.sev1?.updateEvery).toBe(30 * 60_000);
    expect(c.severities.sev2?.updateEvery).toBe(60 * 60_000);
    expect(c.severities.sev3?.updateEvery).toBe(4 * 3_600_000);
    expect(c.severities.sev4?.updateEvery).toBe(24 * 3_600_000);
    expect(Object.keys(c.roles)).toEqual(['commander', 'comms', 'scribe', 'ops']);
    expect(c.roles.commander?.duty).toMatch(/coordinates/i);
    expect(c.channels).toEqual({ announcements: 'incidents', managers: 'security-managers' });
    expect(c.permissions).toEqual({ approvers: [], admins: [], roles: { admin: { users: [], groups: [] }, approver: { users: [], groups: [] } }, groupCacheTtl: 5 * 60_000 });
    expect(c.playbooks.dirs).toEqual(['playbooks']);
    expect(c.templates.dir).toBe('templates');
    expect(c.notifications.regimes.enabled).toBe('all-in-force');
    expect(c.notifications.customerTiers).toEqual([
      expect.objectContaining({ name: 'enterprise', anchor: 'became_aware', within: 24 * 3_600_000 }),
    ]);
    expect(c.sla.patch.critical).toBe(7 * 86_400_000);
    expect(c.sla.accessReview.every).toBe('monthly');
  });

  it('when a file sets only some keys, then everything else keeps its default', () => {
    const text = [
      'company:',
      '  name: Globex',
      'severities:',
      '  - name: sev2',
      '    updateEvery: 45m',
      'roles:',
      '  - name: scribe',
      '    duty: Keeps the timeline.',
      'nags:',
      '  maxPerStep: 5',
    ].join('\n');
    const { config, source } = loadConfig('w.yaml', filesystem({ 'w.yaml': text }));
    const defaults = defaultConfig();
    expect(source).toBe('file');
    expect(config.company).toEqual({ ...defaults.company, name: 'Globex' });
    expect(config.severities.sev2).toEqual({ ...defaults.severities.sev2, updateEvery: 45 * 60_000 });
    expect(config.severities.sev1).toEqual(defaults.severities.sev1);
    expect(config.roles.scribe?.duty).toBe('Keeps the timeline.');
    expect(config.roles.commander).toEqual(defaults.roles.commander);
    expect(config.nags).toEqual({ every: defaults.nags.every, maxPerStep: 5 });
    expect(config.channels).toEqual(defaults.channels);
  });

  it('when a file is empty or only comments, then it means all defaults', () => {
    const { config } = loadConfig('w.yaml', filesystem({ 'w.yaml': '# nothing yet\n' }));
    expect(config).toEqual(defaultConfig());
  });

  it('when quiet hours have no zone of their own, then they follow the display time zone', () => {
    expect(parseConfig({ timeZone: 'America/New_York' }).quietHours.timeZone).toBe('America/New_York');
    expect(parseConfig({ timeZone: 'America/New_York', quietHours: { timeZone: 'Europe/Berlin' } }).quietHours.timeZone).toBe('Europe/Berlin');
  });

  it('turns channel names written with # into plain names, and keeps channel IDs', () => {
    const c = parseConfig({ channels: { announcements: '#sec-incidents', managers: 'C0123456789' } });
    expect(c.channels).toEqual({ announcements: 'sec-incidents', managers: 'C0123456789' });
  });

  it('reads reminder lead times as a share of the window or a time before the due time', () => {
    const c = parseConfig({ notifications: { reminderLeadTimes: ['75%', '2h', 0, '0'] } });
    expect(c.notifications.reminderLeadTimes).toEqual([
      { kind: 'elapsed', percent: 75 },
      { kind: 'before', ms: 7_200_000 },
      { kind: 'before', ms: 0 },
      { kind: 'before', ms: 0 },
    ]);
  });

  it('when customer tiers are listed, then they replace the default list', () => {
    const tiers = [{ name: 'gold', anchor: 'detected', within: '48h', description: 'Gold support contracts.' }];
    const c = parseConfig({ notifications: { customerTiers: tiers } });
    expect(c.notifications.customerTiers).toEqual([{ ...tiers[0], within: 48 * 3_600_000 }]);
  });

  it('when the file is invalid, then it throws config_invalid listing every problem in file order', () => {
    const text = 'timeZone: Nowhere/City\nchannels:\n  managers: Bad Name\n';
    let thrown: unknown;
    try {
      loadConfig('w.yaml', filesystem({ 'w.yaml': text }));
    } catch (e) {
      thrown = e;
    }
    expect(isWardenError(thrown) && thrown.code).toBe('config_invalid');
    const lines = (thrown as WardenError).message.split('\n');
    expect(lines[1]).toMatch(/^ {2}w\.yaml:1 timeZone: /);
    expect(lines[2]).toMatch(/^ {2}w\.yaml:3 channels\.managers: /);
  });

  it('when the file exists but cannot be read, then it is a config error, not a silent default', () => {
    const unreadable: ReadTextFile = () => {
      throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
    };
    expect(() => loadConfig('w.yaml', unreadable)).toThrow(/cannot read config file w\.yaml \(EACCES\)/);
  });

  it('defaultConfig returns a fresh object each time, so one caller cannot change another one\'s', () => {
    const a = defaultConfig();
    a.channels.announcements = 'changed';
    expect(defaultConfig().channels.announcements).toBe('incidents');
  });

  it('checkConfigText returns no problems for a valid text', () => {
    expect(checkConfigText('channels:\n  announcements: ops-incidents\n', 'w.yaml')).toEqual([]);
  });

  it('parseConfig names the problem path when an object is invalid', () => {
    expect(() => parseConfig({ nags: { every: 'often' } }, 'test')).toThrow('test nags.every: expected a duration like 30m');
  });
});
