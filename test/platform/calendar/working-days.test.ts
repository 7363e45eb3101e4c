import { describe, expect, it } from 'vitest';
import { endOfWorkingDays, isWorkingDayAt, localDateTime, localDay, onWorkingDay } from '../../../src/platform/calendar/working-days.js';

const FR = { zone: 'Europe/Paris', holidays: 'FR' };
const US = { zone: 'America/New_York', holidays: 'US' };
const WEEKENDS = { zone: 'Europe/Paris', holidays: null };
const iso = (d: Date) => d.toISOString();

describe('endOfWorkingDays', () => {
  it.each([
    ['Tue 22 Dec + 5 across Christmas (FR)', '2026-12-22T09:00:00.000Z', 5, FR, '2026-12-30T22:59:59.999Z'],
    ['the same without holidays', '2026-12-22T09:00:00.000Z', 5, WEEKENDS, '2026-12-29T22:59:59.999Z'],
    ['Friday + 1 is Monday', '2026-12-04T16:00:00.000Z', 1, FR, '2026-12-07T22:59:59.999Z'],
    ['a Saturday start counts from Monday', '2026-12-05T10:00:00.000Z', 1, FR, '2026-12-07T22:59:59.999Z'],
    ['late evening in Paris is already the next day in UTC terms: the local day counts', '2026-12-21T23:30:00.000Z', 1, FR, '2026-12-23T22:59:59.999Z'],
    ['Thanksgiving (Thu 26 Nov, US) is skipped, in New York', '2026-11-25T15:00:00.000Z', 1, US, '2026-11-28T04:59:59.999Z'],
    ['across the spring DST change', '2027-03-26T10:00:00.000Z', 1, WEEKENDS, '2027-03-29T21:59:59.999Z'],
    ['zero days: the end of the same day', '2026-12-22T09:00:00.000Z', 0, FR, '2026-12-22T22:59:59.999Z'],
  ])('%s', (_name, at, n, calendar, expected) => {
    expect(iso(endOfWorkingDays(new Date(at), n, calendar))).toBe(expected);
  });
});

describe('working days', () => {
  it('when asked about holidays and weekends, then each calendar answers for its own zone', () => {
    expect(isWorkingDayAt(new Date('2026-12-25T12:00:00.000Z'), FR)).toBe(false);
    expect(isWorkingDayAt(new Date('2026-12-25T12:00:00.000Z'), WEEKENDS)).toBe(true);
    expect(isWorkingDayAt(new Date('2026-12-26T12:00:00.000Z'), WEEKENDS)).toBe(false);
    // 23:30 UTC on a Friday is already Saturday in Paris.
    expect(isWorkingDayAt(new Date('2026-12-04T23:30:00.000Z'), WEEKENDS)).toBe(false);
  });

  it('when a time is on a day off, then onWorkingDay gives the next working day at local midnight', () => {
    expect(iso(onWorkingDay(new Date('2026-12-25T12:00:00.000Z'), FR))).toBe('2026-12-27T23:00:00.000Z');
    const tuesday = new Date('2026-12-29T12:00:00.000Z');
    expect(onWorkingDay(tuesday, FR)).toBe(tuesday);
  });

  it('when formatting, then the local day and time are the zone\'s wall clock', () => {
    expect(localDay(new Date('2026-12-30T22:59:59.999Z'), 'Europe/Paris')).toBe('2026-12-30');
    expect(localDateTime(new Date('2026-12-30T23:30:00.000Z'), 'Europe/Paris')).toBe('2026-12-31 00:30');
  });
});
