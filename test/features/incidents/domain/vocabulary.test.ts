import { describe, expect, it } from 'vitest';
import {
  compareSeverities,
  isAtLeast,
  looksLikeSeverity,
  rolesToShow,
  severityLabel,
  severityRank,
  severitySchema,
  updateEveryOf,
  type SeverityLevel,
} from '../../../../src/features/incidents/domain/vocabulary.js';

const ORDER = ['p1', 'p2', 'p3'];
const MIN = 60_000;
const LEVELS: SeverityLevel[] = [
  { id: 'p1', name: 'Critical', description: 'All down.', updateEveryMs: 15 * MIN },
  { id: 'p2', name: 'p2', description: 'Degraded.', updateEveryMs: 60 * MIN },
];

describe('severity order', () => {
  it('ranks by the configured order, most severe first, and knows no rank for an id not configured', () => {
    expect(ORDER.map((s) => severityRank(ORDER, s))).toEqual([0, 1, 2]);
    expect(severityRank(ORDER, 'sev1')).toBeNull();
  });

  it('sorts most severe first, with ids no longer configured last', () => {
    expect(['p3', 'sev1', 'p1', 'p2'].sort((a, b) => compareSeverities(ORDER, a, b))).toEqual(['p1', 'p2', 'p3', 'sev1']);
  });

  it('says p1 is at least p2, p3 is not, and an unconfigured id is at least nothing', () => {
    expect(isAtLeast(ORDER, 'p1', 'p2')).toBe(true);
    expect(isAtLeast(ORDER, 'p2', 'p2')).toBe(true);
    expect(isAtLeast(ORDER, 'p3', 'p2')).toBe(false);
    expect(isAtLeast(ORDER, 'sev1', 'p3')).toBe(false);
  });
});

describe('looksLikeSeverity', () => {
  it('takes configured ids, sev<N> and other numbers in the shape of a configured id as meant for a severity', () => {
    expect(['p1', 'P2', 'sev1', 'SEV9', 'p7'].map((w) => looksLikeSeverity(w, ORDER))).toEqual([true, true, true, true, true]);
  });

  it('leaves ordinary title words alone', () => {
    expect(['Payments', 'p', 'api2', 'pp1', ''].map((w) => looksLikeSeverity(w, ORDER))).toEqual([false, false, false, false, false]);
    expect(looksLikeSeverity('minor', ['critical', 'major'])).toBe(false);
    expect(looksLikeSeverity('major', ['critical', 'major'])).toBe(true);
  });
});

describe('labels and cadences', () => {
  it('labels a severity by id, with its name when it has one, and notes one that is no longer configured', () => {
    expect(severityLabel(LEVELS, 'p1')).toBe('p1 (Critical)');
    expect(severityLabel(LEVELS, 'p2')).toBe('p2');
    expect(severityLabel(LEVELS, 'sev1')).toBe('sev1 (no longer configured)');
  });

  it('uses the cadence of the severity, and the most severe cadence for one no longer configured', () => {
    expect(updateEveryOf(LEVELS, 'p2')).toBe(60 * MIN);
    expect(updateEveryOf(LEVELS, 'sev4')).toBe(15 * MIN);
  });

  it('shows every configured role, then roles the incident still holds that are no longer configured', () => {
    const roles = [
      { id: 'commander', name: 'commander', duty: 'Leads.' },
      { id: 'legal', name: 'Legal counsel', duty: 'Advises.' },
    ];
    expect(rolesToShow(roles, { commander: 'UA', scribe: 'UB' })).toEqual([
      { id: 'commander', label: 'commander' },
      { id: 'legal', label: 'Legal counsel' },
      { id: 'scribe', label: 'scribe (no longer configured)' },
    ]);
  });
});

describe('severitySchema', () => {
  it('accepts the configured ids and names the bad value and the good ones otherwise', () => {
    expect(severitySchema(ORDER).parse('p2')).toBe('p2');
    expect(severitySchema(ORDER).safeParse('sev1').error?.issues[0]?.message).toBe('unknown severity "sev1": expected one of p1, p2, p3');
  });
});
