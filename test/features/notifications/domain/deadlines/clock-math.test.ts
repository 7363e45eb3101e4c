import { describe, expect, it } from 'vitest';
import { isKnownHolidayCalendar, publicHolidays } from '../../../../../src/platform/calendar/business-calendar.js';
import { isTimeZone } from '../../../../../src/platform/calendar/zones.js';
import { addPeriod, atCutoff, nextWorkingDayNoon } from '../../../../../src/features/notifications/domain/deadlines/clock-math.js';
import { formatLocal } from '../../../../../src/features/notifications/domain/deadlines/format-instant.js';
import { parseIsoDuration, type IsoDuration } from '../../../../../src/features/notifications/domain/deadlines/iso-duration.js';
import type { Jurisdiction } from '../../../../../src/features/notifications/domain/deadlines/regime.js';
import { at } from './shipped-regimes.js';

const brussels: Jurisdiction = { name: 'EU', zone: 'Europe/Brussels', holidays: 'BE' };
const newYork: Jurisdiction = { name: 'US', zone: 'America/New_York', holidays: 'US' };
const singapore: Jurisdiction = { name: 'SG', zone: 'Asia/Singapore', holidays: 'SG' };
const seattle: Jurisdiction = { name: 'WA', zone: 'America/Los_Angeles', holidays: 'US-WA' };

function d(text: string): IsoDuration {
  const parsed = parseIsoDuration(text);
  if (!parsed) throw new Error(`bad test duration ${text}`);
  return parsed;
}

describe('calendar_hours', () => {
  it('when 72 hours span the EU spring-forward (last Sunday of March), then exactly 72 elapsed hours pass and the wall clock shows one hour more', () => {
    const due = addPeriod(at('2025-03-28T10:00:00Z'), d('PT72H'), 'calendar_hours', brussels);
    expect(due.toISOString()).toBe('2025-03-31T10:00:00.000Z');
    expect(formatLocal(due, brussels.zone)).toBe('2025-03-31 12:00 +02:00 Europe/Brussels');
  });

  it('when 72 hours span the EU fall-back (last Sunday of October), then the wall clock shows one hour less', () => {
    const due = addPeriod(at('2025-10-24T10:00:00Z'), d('PT72H'), 'calendar_hours', brussels);
    expect(due.toISOString()).toBe('2025-10-27T10:00:00.000Z');
    expect(formatLocal(due, brussels.zone)).toBe('2025-10-27 11:00 +01:00 Europe/Brussels');
  });

  it('when 72 hours span the US spring-forward (second Sunday of March), then they are still 72 elapsed hours', () => {
    const due = addPeriod(at('2025-03-07T15:00:00Z'), d('PT72H'), 'calendar_hours', newYork);
    expect(due.getTime() - at('2025-03-07T15:00:00Z').getTime()).toBe(72 * 3_600_000);
    expect(formatLocal(due, newYork.zone)).toBe('2025-03-10 11:00 -04:00 America/New_York');
  });
});

describe('calendar_days', () => {
  it('when the period spans the US fall-back (first Sunday of November), then it ends at the end of the last local day', () => {
    const due = addPeriod(at('2025-10-20T17:00:00Z'), d('P30D'), 'calendar_days', seattle);
    expect(due.toISOString()).toBe('2025-11-20T07:59:59.999Z');
    expect(formatLocal(due, seattle.zone)).toBe('2025-11-19 23:59 -08:00 America/Los_Angeles');
  });

  it('when the period spans the EU spring-forward, then it ends at 23:59:59.999 summer time', () => {
    const due = addPeriod(at('2025-03-29T12:00:00Z'), d('P3D'), 'calendar_days', brussels);
    expect(due.toISOString()).toBe('2025-04-01T21:59:59.999Z');
  });

  it('when the anchor is late in the UTC evening but past midnight locally, then counting starts from the local day', () => {
    const assessed = at('2025-03-02T17:00:00Z'); // 2025-03-03 01:00 in Singapore
    expect(addPeriod(assessed, d('P3D'), 'calendar_days', singapore).toISOString()).toBe('2025-03-06T15:59:59.999Z');
  });

  it('when the period is given in weeks, then a week counts as 7 days', () => {
    expect(addPeriod(at('2025-03-03T02:00:00Z'), d('P1W'), 'calendar_days', singapore).toISOString()).toBe('2025-03-10T15:59:59.999Z');
  });
});

describe('calendar_months', () => {
  it('when one month is added to 31 January of a leap year (2028), then it ends at the end of 29 February', () => {
    expect(addPeriod(at('2028-01-31T10:00:00Z'), d('P1M'), 'calendar_months', brussels).toISOString()).toBe('2028-02-29T22:59:59.999Z');
  });

  it('when one month is added to 31 January of a common year, then it clamps to 28 February', () => {
    expect(addPeriod(at('2027-01-31T10:00:00Z'), d('P1M'), 'calendar_months', brussels).toISOString()).toBe('2027-02-28T22:59:59.999Z');
  });

  it('when the anchor instant is 31 January UTC but 1 February locally, then the month runs from 1 February', () => {
    expect(addPeriod(at('2028-01-31T23:30:00Z'), d('P1M'), 'calendar_months', brussels).toISOString()).toBe('2028-03-01T22:59:59.999Z');
  });

  it('when 24 months are added, then it lands on the same local date two years later', () => {
    expect(addPeriod(at('2025-06-15T12:00:00Z'), d('P24M'), 'calendar_months', newYork).toISOString()).toBe('2027-06-16T03:59:59.999Z');
  });
});

describe('business_days', () => {
  it('when 4 business days start on the Wednesday before Thanksgiving, then Thanksgiving and the weekend are skipped', () => {
    // Thu 28 Nov 2024 is Thanksgiving: Fri 29 (1), Mon 2 Dec (2), Tue 3 (3), Wed 4 (4).
    const due = addPeriod(at('2024-11-27T15:00:00Z'), d('P4D'), 'business_days', newYork);
    expect(due.toISOString()).toBe('2024-12-05T04:59:59.999Z');
  });

  it('when 4 business days start on an ordinary Wednesday, then only the weekend is skipped', () => {
    expect(addPeriod(at('2024-11-20T15:00:00Z'), d('P4D'), 'business_days', newYork).toISOString()).toBe('2024-11-27T04:59:59.999Z');
  });

  it('when business days cross Chinese New Year in Singapore, then those public holidays are skipped', () => {
    // Wed 29 and Thu 30 Jan 2025 are public holidays: Fri 31 (1), Mon 3 Feb (2).
    expect(addPeriod(at('2025-01-28T02:00:00Z'), d('P2D'), 'business_days', singapore).toISOString()).toBe('2025-02-03T15:59:59.999Z');
  });

  it("when a state's own holiday differs from the federal calendar, then the state's calendar decides", () => {
    // Mon 7 Oct 2024 is Cabrini Day in Colorado (not a federal holiday).
    const colorado: Jurisdiction = { name: 'CO', zone: 'America/Denver', holidays: 'US-CO' };
    const denver: Jurisdiction = { ...colorado, holidays: 'US' };
    expect(addPeriod(at('2024-10-04T16:00:00Z'), d('P1D'), 'business_days', denver).toISOString()).toBe('2024-10-08T05:59:59.999Z');
    expect(addPeriod(at('2024-10-04T16:00:00Z'), d('P1D'), 'business_days', colorado).toISOString()).toBe('2024-10-09T05:59:59.999Z');
  });

  it('when a federal holiday falls on a Saturday, then its observed Friday is skipped', () => {
    // 4 Jul 2026 is a Saturday: Fri 3 Jul is the substitute holiday. Thu 2 Jul + 1 business day = Mon 6 Jul.
    expect(addPeriod(at('2026-07-02T15:00:00Z'), d('P1D'), 'business_days', newYork).toISOString()).toBe('2026-07-07T03:59:59.999Z');
  });
});

describe('next working day at noon', () => {
  it('when a deadline falls on a Saturday before Whit Monday in Belgium, then it moves to Tuesday 12:00 local', () => {
    expect(nextWorkingDayNoon(at('2025-06-07T10:00:00Z'), brussels)?.toISOString()).toBe('2025-06-10T10:00:00.000Z');
  });

  it('when a deadline falls on a working day, then it does not move', () => {
    expect(nextWorkingDayNoon(at('2025-06-04T10:00:00Z'), brussels)).toBeNull();
  });

  it('when a deadline is on Friday in UTC but Saturday in the jurisdiction, then the local day decides', () => {
    expect(nextWorkingDayNoon(at('2025-03-07T23:30:00Z'), brussels)?.toISOString()).toBe('2025-03-10T11:00:00.000Z');
  });
});

describe('holiday calendars and zones', () => {
  it('knows countries, states and regions of date-holidays and refuses others', () => {
    for (const code of ['US', 'US-CO', 'SG', 'DE-BY', 'GB-SCT']) expect(isKnownHolidayCalendar(code), code).toBe(true);
    for (const code of ['XX', 'US-ZZ', 'us', 'US-CO-X-Y', '']) expect(isKnownHolidayCalendar(code), code).toBe(false);
  });

  it('counts public holidays only, not observances', () => {
    const us2024 = publicHolidays('US', 2024);
    expect(us2024.has('2024-11-28')).toBe(true); // Thanksgiving
    expect(us2024.has('2024-11-29')).toBe(false); // day after Thanksgiving: an observance
    expect(publicHolidays('US', 2024)).toBe(us2024); // cached per calendar and year
  });

  it('knows IANA zones and refuses made-up ones', () => {
    expect(isTimeZone('Asia/Singapore')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('filing cut-off', () => {
  const cut = { hour: 17, minute: 30 };

  it('when a day count ends at midnight, then the due instant is the cut-off that day, in the cut-off zone', () => {
    expect(atCutoff(at('2025-07-04T03:59:59.999Z'), cut, 'America/New_York', 'America/New_York')?.toISOString()).toBe('2025-07-03T21:30:00.000Z');
  });

  it('when the due instant is already before the cut-off, then nothing changes', () => {
    expect(atCutoff(at('2025-07-03T20:00:00Z'), cut, 'America/New_York', 'America/New_York')).toBeNull();
    expect(atCutoff(at('2025-07-03T21:30:00Z'), cut, 'America/New_York', 'America/New_York')).toBeNull();
  });

  it("when the day was counted in another zone, then the cut-off is on that zone's date, not New York's", () => {
    // End of 3 July in Los Angeles is already 4 July in New York: the filing day is still 3 July.
    expect(atCutoff(at('2025-07-04T06:59:59.999Z'), cut, 'America/Los_Angeles', 'America/New_York')?.toISOString()).toBe('2025-07-03T21:30:00.000Z');
  });

  it('when the cut-off day is in winter, then 17:30 ET is 22:30 UTC', () => {
    expect(atCutoff(at('2024-12-05T04:59:59.999Z'), cut, 'America/New_York', 'America/New_York')?.toISOString()).toBe('2024-12-04T22:30:00.000Z');
  });
});
