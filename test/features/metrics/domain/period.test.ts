import { describe, expect, it } from 'vitest';
import { parsePeriod, trailing } from '../../../../src/features/metrics/domain/period.js';

const NOW = new Date('2026-12-02T10:00:00Z');

describe('the period of warden metrics', () => {
  it('when --since is relative, then it counts back from now and the period ends now', () => {
    expect(parsePeriod('30d', undefined, NOW)).toEqual({ since: new Date('2026-11-02T10:00:00Z'), until: NOW });
    expect(parsePeriod('12h', undefined, NOW).since).toEqual(new Date('2026-12-01T22:00:00Z'));
    expect(parsePeriod('2w', undefined, NOW).since).toEqual(new Date('2026-11-18T10:00:00Z'));
  });

  it('when --since is a date, then it starts at that UTC midnight; a date --until runs through that day', () => {
    expect(parsePeriod('2026-11-01', '2026-11-30', NOW)).toEqual({ since: new Date('2026-11-01T00:00:00Z'), until: new Date('2026-12-01T00:00:00Z') });
  });

  it('when given instants with zones, then they are used as given', () => {
    expect(parsePeriod('2026-11-01T09:00:00+01:00', '2026-11-02T09:00:00Z', NOW)).toEqual({ since: new Date('2026-11-01T08:00:00Z'), until: new Date('2026-11-02T09:00:00Z') });
  });

  it('when --since is missing or not a time, then the error says which forms it takes', () => {
    expect(() => parsePeriod(undefined, undefined, NOW)).toThrow('--since is required: `30d` (also h, w), a date `2026-11-01` (UTC)');
    expect(() => parsePeriod('banana', undefined, NOW)).toThrow('--since "banana": use `30d` (also h, w)');
    expect(() => parsePeriod('2026-02-30', undefined, NOW)).toThrow('--since "2026-02-30"');
    expect(() => parsePeriod('2026-11-01T09:00', undefined, NOW)).toThrow('--since "2026-11-01T09:00"');
    expect(() => parsePeriod('30 d', undefined, NOW)).toThrow('--since "30 d"');
  });

  it('when --until is not a time or not after --since, then the error says so', () => {
    expect(() => parsePeriod('30d', 'soon', NOW)).toThrow('--until "soon": use a date');
    expect(() => parsePeriod('2026-11-10', '2026-11-01', NOW)).toThrow('--until (2026-11-02T00:00:00.000Z) must be after --since (2026-11-10T00:00:00.000Z).');
    expect(() => parsePeriod('30d', '2026-10-01', NOW)).toThrow('must be after --since');
  });

  it('the trailing window of /metrics ends now', () => {
    expect(trailing(NOW, 30)).toEqual({ since: new Date('2026-11-02T10:00:00Z'), until: NOW });
  });
});
