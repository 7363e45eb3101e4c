import { describe, expect, it } from 'vitest';
import { backupSettingsFrom, checkConfigText, parseConfig } from '../../../src/config/index.js';

describe('backups in warden.yaml', () => {
  it('when backups is left out, then every hour beside the database, keeping 48 hourly and 30 daily', () => {
    expect(backupSettingsFrom(parseConfig({}))).toEqual({ dir: null, everyMs: 3_600_000, keep: { hourly: 48, daily: 30 } });
  });

  it('when set, then its directory, period and retention; off: no schedule', () => {
    expect(backupSettingsFrom(parseConfig({ backups: { dir: '/data/backups', every: '6h', keep: { hourly: 4, daily: 0 } } }))).toEqual({ dir: '/data/backups', everyMs: 6 * 3_600_000, keep: { hourly: 4, daily: 0 } });
    expect(backupSettingsFrom(parseConfig({ backups: { every: 'off' } })).everyMs).toBeNull();
  });

  it('when the period is not a duration, is under 5 minutes, or a key is unknown, then the line is named', () => {
    const problems = (yaml: string) => checkConfigText(yaml, 'warden.yaml').map((p) => `${p.path}: ${p.message}`);
    expect(problems('backups:\n  every: hourly\n')).toEqual(['backups.every: expected a duration of at least 5m like 1h, or off']);
    expect(problems('backups:\n  every: 1m\n')).toEqual(['backups.every: expected a duration of at least 5m like 1h, or off']);
    expect(problems('backups:\n  keep:\n    hourly: 0\n')).toEqual(['backups.keep.hourly: expected a whole number from 1 to 10000']);
    expect(problems('backups:\n  evry: 1h\n')).toEqual(['backups: unknown key "evry"']);
  });
});
