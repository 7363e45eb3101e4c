import { describe, expect, it } from 'vitest';
import { calendarPeriodAt, everyText, firstPeriod, isLate, nextPeriod, parseEvery, periodStatus, type Every, type Period } from '../../../../src/features/access-reviews/domain/cadence.js';
import { periodLabel } from '../../../../src/features/access-reviews/domain/period-label.js';

const PARIS = 'Europe/Paris';
const DAY = 86_400_000;
const iso = (p: Period) => [p.start.toISOString(), p.due.toISOString()];
const at = (s: string) => new Date(s);
const chain = (every: Every, first: Period, n: number) => {
  const out = [first];
  for (let i = 1; i < n; i++) out.push(nextPeriod(every, PARIS, out[i - 1] as Period));
  return out;
};

describe('calendar periods in the company zone', () => {
  it('when the cadence is monthly, then the period is the calendar month, due at the end of its last day (Paris time)', () => {
    expect(iso(calendarPeriodAt('monthly', PARIS, at('2026-11-22T09:00:00Z')))).toEqual(['2026-10-31T23:00:00.000Z', '2026-11-30T22:59:59.999Z']);
  });

  it('when it is February, then it ends on the 28th, or the 29th in a leap year', () => {
    expect(calendarPeriodAt('monthly', PARIS, at('2027-02-10T12:00:00Z')).due.toISOString()).toBe('2027-02-28T22:59:59.999Z');
    expect(calendarPeriodAt('monthly', PARIS, at('2028-02-10T12:00:00Z')).due.toISOString()).toBe('2028-02-29T22:59:59.999Z');
  });

  it('when the month holds a DST change, then its bounds follow the wall clock (March ends at +02:00, October starts at +02:00 and ends at +01:00)', () => {
    expect(iso(calendarPeriodAt('monthly', PARIS, at('2026-03-29T12:00:00Z')))).toEqual(['2026-02-28T23:00:00.000Z', '2026-03-31T21:59:59.999Z']);
    expect(iso(calendarPeriodAt('monthly', PARIS, at('2026-10-25T12:00:00Z')))).toEqual(['2026-09-30T22:00:00.000Z', '2026-10-31T22:59:59.999Z']);
  });

  it('when an instant is UTC-late on the last day, then it already belongs to the next local month', () => {
    expect(calendarPeriodAt('monthly', PARIS, at('2026-11-30T23:30:00Z')).start.toISOString()).toBe('2026-11-30T23:00:00.000Z');
  });

  it('when the cadence is quarterly or yearly, then the period is the calendar quarter or year', () => {
    expect(iso(calendarPeriodAt('quarterly', PARIS, at('2026-11-22T09:00:00Z')))).toEqual(['2026-09-30T22:00:00.000Z', '2026-12-31T22:59:59.999Z']);
    expect(iso(calendarPeriodAt('quarterly', PARIS, at('2026-04-01T00:30:00+02:00')))).toEqual(['2026-03-31T22:00:00.000Z', '2026-06-30T21:59:59.999Z']);
    expect(iso(calendarPeriodAt('yearly', PARIS, at('2026-06-01T00:00:00Z')))).toEqual(['2025-12-31T23:00:00.000Z', '2026-12-31T22:59:59.999Z']);
  });

  it('when the cadence is weekly, then the period is the ISO week, Monday to Sunday, also across a year end', () => {
    // Thursday 2026-12-31 is in ISO week 2026-W53, which runs Monday 28 December to Sunday 3 January.
    const week = calendarPeriodAt('weekly', PARIS, at('2026-12-31T12:00:00Z'));
    expect(iso(week)).toEqual(['2026-12-27T23:00:00.000Z', '2027-01-03T22:59:59.999Z']);
    expect(periodLabel('weekly', PARIS, week)).toBe('2026-W53');
    // Friday 2027-01-01 too; Monday 2027-01-04 starts 2027-W01.
    expect(calendarPeriodAt('weekly', PARIS, at('2027-01-01T12:00:00Z')).start).toEqual(week.start);
    expect(periodLabel('weekly', PARIS, calendarPeriodAt('weekly', PARIS, at('2027-01-04T12:00:00Z')))).toBe('2027-W01');
    // 2025-12-29 (Monday) starts 2026-W01: the ISO year starts in December.
    expect(periodLabel('weekly', PARIS, calendarPeriodAt('weekly', PARIS, at('2025-12-31T12:00:00Z')))).toBe('2026-W01');
  });

  it('when a week holds the spring DST change, then it is 167 hours long', () => {
    const week = calendarPeriodAt('weekly', PARIS, at('2026-03-25T12:00:00Z'));
    expect(week.due.getTime() + 1 - week.start.getTime()).toBe(167 * 3_600_000);
  });
});

describe('consecutive periods', () => {
  it('when months follow each other, then each starts 1 ms after the last one ends, through February and the year end', () => {
    const months = chain('monthly', firstPeriod('monthly', PARIS, at('2026-11-22T09:00:00Z')), 5);
    expect(months.map((p) => periodLabel('monthly', PARIS, p))).toEqual(['2026-11', '2026-12', '2027-01', '2027-02', '2027-03']);
    for (let i = 1; i < months.length; i++) expect((months[i] as Period).start.getTime()).toBe((months[i - 1] as Period).due.getTime() + 1);
    expect((months[3] as Period).due.toISOString()).toBe('2027-02-28T22:59:59.999Z');
  });

  it('when quarters and years follow each other, then they cross the year boundary', () => {
    expect(chain('quarterly', firstPeriod('quarterly', PARIS, at('2026-11-22T09:00:00Z')), 3).map((p) => periodLabel('quarterly', PARIS, p))).toEqual(['2026-Q4', '2027-Q1', '2027-Q2']);
    expect(chain('yearly', firstPeriod('yearly', PARIS, at('2026-11-22T09:00:00Z')), 3).map((p) => periodLabel('yearly', PARIS, p))).toEqual(['2026', '2027', '2028']);
  });

  it('when the cadence is 90 days, then the first period runs from when it was configured and each next from the previous end, DST or not', () => {
    const every = parseEvery('90d') as number;
    const periods = chain(every, firstPeriod(every, PARIS, at('2026-11-22T09:00:00Z')), 3);
    expect(periods.map(iso)).toEqual([
      ['2026-11-22T09:00:00.000Z', '2027-02-20T08:59:59.999Z'],
      ['2027-02-20T09:00:00.000Z', '2027-05-21T08:59:59.999Z'],
      ['2027-05-21T09:00:00.000Z', '2027-08-19T08:59:59.999Z'],
    ]);
    expect(periodLabel(every, PARIS, periods[0] as Period)).toBe('2026-11-22 to 2027-02-20');
  });

  it('when the cadence changes from monthly to quarterly mid-quarter, then the next period runs from the end of the last to the end of that quarter (no overlap)', () => {
    const november = firstPeriod('monthly', PARIS, at('2026-11-22T09:00:00Z'));
    expect(iso(nextPeriod('quarterly', PARIS, november))).toEqual(['2026-11-30T23:00:00.000Z', '2026-12-31T22:59:59.999Z']);
  });
});

describe('done early, on time, late; a missed period', () => {
  const november = firstPeriod('monthly', PARIS, at('2026-11-22T09:00:00Z'));

  it('when done before or at the last millisecond, then it is on time; a millisecond after, late', () => {
    expect(isLate(november, at('2026-11-02T08:00:00Z'))).toBe(false);
    expect(isLate(november, november.due)).toBe(false);
    expect(isLate(november, new Date(november.due.getTime() + 1))).toBe(true);
  });

  it('when done early or late, then the next period is the same: it follows the period, not the day it was done', () => {
    const next = nextPeriod('monthly', PARIS, november);
    expect(periodLabel('monthly', PARIS, next)).toBe('2026-12');
    expect(nextPeriod(90 * DAY, PARIS, november).start).toEqual(next.start);
  });

  it('when a period is not done, then it is open until its due time and overdue after, however many periods passed since', () => {
    expect(periodStatus({ ...november, doneAt: null }, at('2026-11-30T12:00:00Z'))).toBe('open');
    expect(periodStatus({ ...november, doneAt: null }, at('2026-12-01T00:00:00Z'))).toBe('overdue');
    expect(periodStatus({ ...november, doneAt: null }, at('2027-03-01T00:00:00Z'))).toBe('overdue');
    expect(periodStatus({ ...november, doneAt: at('2027-01-05T00:00:00Z') }, at('2027-03-01T00:00:00Z'))).toBe('done');
  });
});

describe('cadences as typed', () => {
  it.each([
    ['monthly', 'monthly'],
    ['Quarterly', 'quarterly'],
    ['weekly', 'weekly'],
    ['yearly', 'yearly'],
    ['90d', 90 * DAY],
    ['1d', DAY],
  ] as const)('when %s is typed, then it reads as %s', (typed, every) => {
    expect(parseEvery(typed)).toBe(every);
  });

  it.each(['daily', '0d', '90', '3w', '12h', '99999d', ''])('when %j is typed, then it is no cadence', (typed) => {
    expect(parseEvery(typed)).toBeNull();
  });

  it('when a cadence is shown, then a day period reads in days', () => {
    expect(everyText(90 * DAY)).toBe('every 90d');
    expect(everyText('monthly')).toBe('monthly');
  });
});
