import { describe, expect, it } from 'vitest';
import { parseIsoDuration } from '../../../../../src/features/notifications/domain/deadlines/iso-duration.js';
import { formatAnchor, parseAnchor, weakerVerification } from '../../../../../src/features/notifications/domain/deadlines/regime.js';

describe('parseIsoDuration', () => {
  it('reads hours, days, weeks and months with the units they use', () => {
    expect(parseIsoDuration('PT72H')).toMatchObject({ hours: 72, units: { time: true, days: false, months: false } });
    expect(parseIsoDuration('P30D')).toMatchObject({ days: 30, units: { time: false, days: true, months: false } });
    expect(parseIsoDuration('P2W')).toMatchObject({ weeks: 2, units: { days: true } });
    expect(parseIsoDuration('P1M')).toMatchObject({ months: 1, units: { months: true } });
    expect(parseIsoDuration('PT0H')).toMatchObject({ hours: 0, units: { time: true } });
  });

  it('refuses what is not a whole-number ISO 8601 duration', () => {
    for (const bad of ['P', 'PT', '72h', 'P1.5D', 'PT-1H', '', 'P1DT']) expect(parseIsoDuration(bad)).toBeNull();
  });
});

describe('anchors', () => {
  it('reads clock events, chained stages and year ends, and writes them back', () => {
    for (const text of ['became_aware', 'stage:pdpc.submitted', 'year_end:discovered']) expect(formatAnchor(parseAnchor(text)!)).toBe(text);
  });

  it('refuses names that are not clock events', () => {
    for (const bad of ['breach_discovered', 'stage:pdpc', 'year_end:whenever', 'regulator_asked']) expect(parseAnchor(bad)).toBeNull();
  });
});

describe('weakerVerification', () => {
  it('keeps the less sure of two levels', () => {
    expect(weakerVerification('verified', 'partial')).toBe('partial');
    expect(weakerVerification('unverified', 'verified_secondary')).toBe('unverified');
  });
});
