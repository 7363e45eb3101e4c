import { describe, expect, it } from 'vitest';
import { parseMeetingTime } from '../../../../src/features/reviews/app/parse-meeting.js';
import { errorOf } from '../../../support/error-of.js';

const NOW = new Date('2026-12-22T09:00:00.000Z');

describe('parseMeetingTime', () => {
  it.each([
    ['2026-12-28', 'Europe/Paris', '2026-12-28T09:00:00.000Z', true],
    ['2026-12-28 14:30', 'Europe/Paris', '2026-12-28T13:30:00.000Z', false],
    ['2026-12-28T14:30', 'America/New_York', '2026-12-28T19:30:00.000Z', false],
    ['2026-12-28T14:30:00Z', 'Europe/Paris', '2026-12-28T14:30:00.000Z', false],
    ['2027-03-28 10:00', 'Europe/Paris', '2027-03-28T08:00:00.000Z', false],
  ])('when given %s in %s, then it is %s', (text, zone, expected, dateOnly) => {
    const parsed = parseMeetingTime(text, zone, NOW);
    expect([parsed.at.toISOString(), parsed.dateOnly]).toEqual([expected, dateOnly]);
  });

  it.each([
    ['', 'When is the review?'],
    ['2026-12-21', 'is in the past'],
    ['2026-12-22 09:59', 'is in the past'], // 08:59 UTC in Paris
    ['2026-02-30', 'is not a date'],
    ['1926-12-28', 'is not a date'],
    ['next tuesday', 'is not a time I can read'],
    ['2026-12-28 25:00', 'is not a time I can read'],
  ])('when given %j, then it is refused: %s', (text, message) => {
    expect(errorOf(() => parseMeetingTime(text, 'Europe/Paris', NOW)).message).toContain(message);
  });
});
