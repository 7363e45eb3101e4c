import { describe, expect, it } from 'vitest';
import { parseDue } from '../../../../src/features/actions/domain/due-date.js';

const PARIS = 'Europe/Paris';
const NOW = new Date('2026-11-22T09:00:00.000Z'); // Sunday, 10:00 in Paris
const at = (text: string, now = NOW, zone = PARIS) => {
  const r = parseDue(text, now, zone);
  return r.ok ? r.at.toISOString() : `refused: ${r.reason}`;
};

describe('due dates as typed', () => {
  it.each([
    ['2026-12-15', '2026-12-15T22:59:00.000Z'], // end of the day, winter time (UTC+1)
    ['2027-06-15', '2027-06-15T21:59:00.000Z'], // summer time (UTC+2)
    ['2026-12-15T14:00', '2026-12-15T13:00:00.000Z'],
    ['2026-12-15 9:30', '2026-12-15T08:30:00.000Z'],
    ['2026-12-15T14:00Z', '2026-12-15T14:00:00.000Z'],
    ['2026-12-15T14:00+05:00', '2026-12-15T09:00:00.000Z'],
    ['2026-12-15t14:00z', '2026-12-15T14:00:00.000Z'],
    ['+3d', '2026-11-25T09:00:00.000Z'],
    ['+2w', '2026-12-06T09:00:00.000Z'],
    ['+1D', '2026-11-23T09:00:00.000Z'],
    ['  +1d  ', '2026-11-23T09:00:00.000Z'],
    ['2026-11-22', '2026-11-22T22:59:00.000Z'], // today, still ahead: the end of it
  ])('when the due time is `%s`, then it is %s', (text, expected) => {
    expect(at(text)).toBe(expected);
  });

  it('when a date falls on a DST change, then its end is 23:59 local time of that day', () => {
    expect(at('2026-03-29', new Date('2026-03-01T00:00:00Z'))).toBe('2026-03-29T21:59:00.000Z'); // spring forward: UTC+2 by the evening
    expect(at('2026-10-25', new Date('2026-10-01T00:00:00Z'))).toBe('2026-10-25T22:59:00.000Z'); // fall back: UTC+1 by the evening
  });

  it('when +1d crosses a DST change, then the wall-clock time is kept (23 hours elapsed)', () => {
    expect(at('+1d', new Date('2026-03-28T10:00:00Z'))).toBe('2026-03-29T09:00:00.000Z');
  });

  it('when a local time does not exist (the clocks jump from 02:00 to 03:00), then it is refused', () => {
    expect(at('2026-03-29T02:30', new Date('2026-03-01T00:00:00Z'))).toMatch(/^refused: 02:30 does not exist on 2026-03-29 in Europe\/Paris/);
  });

  it('when a local time happens twice (the clocks fall back), then it is read as the later one, in standard time', () => {
    expect(at('2026-10-25T02:30', new Date('2026-10-01T00:00:00Z'))).toBe('2026-10-25T01:30:00.000Z');
  });

  it('when another zone is the company zone, then a date ends in that zone', () => {
    expect(at('2026-12-15', NOW, 'America/New_York')).toBe('2026-12-16T04:59:00.000Z');
    expect(at('2026-12-15', NOW, 'UTC')).toBe('2026-12-15T23:59:00.000Z');
  });
});

describe('due dates refused', () => {
  it.each([
    ['', 'Missing the due date'],
    ['   ', 'Missing the due date'],
    ['soon', '`soon` is not a due date'],
    ['tomorrow', 'is not a due date'],
    ['15/12/2026', 'is not a due date'],
    ['2026-12-1', 'is not a due date'],
    ['+3', 'is not a due date'],
    ['3d', 'is not a due date'],
    ['-3d', 'is not a due date'],
    ['+3h', 'is not a due date'],
    ['+1.5d', 'is not a due date'],
    ['2026-02-30', '2026-02-30 is not a date on the calendar'],
    ['2027-02-29', '2027-02-29 is not a date on the calendar'],
    ['2026-13-01', 'is not a date on the calendar'],
    ['2026-00-10', 'is not a date on the calendar'],
    ['2026-04-31', 'is not a date on the calendar'],
    ['2026-12-15T24:00', '24:00 is not a time of day'],
    ['2026-12-15T12:60', '12:60 is not a time of day'],
    ['2026-02-30T12:00Z', 'is not a real date and time'],
    ['2026-12-15T25:00Z', 'is not a real date and time'],
    ['+0d', 'is now, not later'],
    ['+0w', 'is now, not later'],
    ['2026-11-01', 'is not in the future'],
    ['2026-11-22T10:00', 'is not in the future'], // exactly now (10:00 Paris)
    ['2026-11-22T09:00Z', 'is not in the future'],
    ['+1200d', 'more than 3 years away'],
    ['+99999999999999999999w', 'more than 3 years away'],
    ['2035-01-01', 'more than 3 years away'],
  ])('when the due time is `%s`, then it is refused: %s', (text, reason) => {
    const r = parseDue(text, NOW, PARIS);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('when the date was leap day of a leap year, then it is accepted', () => {
    expect(at('2028-02-29')).toBe('2028-02-29T22:59:00.000Z');
  });
});
