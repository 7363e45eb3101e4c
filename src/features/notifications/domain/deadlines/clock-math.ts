/**
 * The period arithmetic behind every legal clock. Pure: instants in, instants out.
 *
 * - calendar_hours: elapsed time. 72 hours across a DST change is still 72 elapsed hours.
 * - calendar_days / calendar_months / business_days: counted on the jurisdiction's wall calendar. The day
 *   of the anchor is not counted, and the deadline is the END of the last day (23:59:59.999 local), as in
 *   Reg (EU) 1182/71 Art 3 and Singapore PDPA s 26D ("3 calendar days after the day"). Months clamp to the
 *   month's last day (31 Jan + 1 month = end of 28/29 Feb).
 * - business_days skip Saturdays, Sundays and the jurisdiction's public holidays.
 */
import { TZDate } from '@date-fns/tz';
// One module per function: the package's index loads all ~300 of them, a third of `warden deadlines`' start.
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { endOfDay } from 'date-fns/endOfDay';
import { endOfYear } from 'date-fns/endOfYear';
import { isWorkingDay, type LocalDate } from '../../../../platform/calendar/business-calendar.js';
import { timePartMs, type IsoDuration } from './iso-duration.js';
import type { ClockKind, Jurisdiction } from './regime.js';

export type TimedClockKind = Exclude<ClockKind, 'none'>;

const inZone = (at: Date, zone: string): TZDate => new TZDate(at.getTime(), zone);
const instant = (d: Date): Date => new Date(d.getTime());

/** The wall-calendar date of an instant in a zone. */
export function localDateOf(at: Date, zone: string): LocalDate {
  const t = inZone(at, zone);
  return { year: t.getFullYear(), month: t.getMonth() + 1, day: t.getDate(), weekday: t.getDay() };
}

/** Adds a catalog period to an anchor instant according to the clock kind (see the file comment). */
export function addPeriod(anchorAt: Date, offset: IsoDuration, clock: TimedClockKind, j: Pick<Jurisdiction, 'zone' | 'holidays'>): Date {
  const start = inZone(anchorAt, j.zone);
  switch (clock) {
    case 'calendar_hours':
      return new Date(anchorAt.getTime() + timePartMs(offset));
    case 'calendar_days':
      return instant(endOfDay(addDays(start, offset.days + 7 * offset.weeks)));
    case 'calendar_months':
      return instant(endOfDay(addMonths(start, offset.months + 12 * offset.years)));
    case 'business_days':
      return instant(endOfDay(addWorkingDays(start, offset.days, j.holidays)));
  }
}

/** The n-th working day after the start's day (the start's own day is not counted). */
function addWorkingDays(start: TZDate, n: number, holidays: string): TZDate {
  let day = start;
  let counted = 0;
  while (counted < n) {
    day = addDays(day, 1);
    if (isWorkingDay(localDateOf(day, start.timeZone ?? 'UTC'), holidays)) counted++;
  }
  return day;
}

/** The end of the calendar year (31 Dec 23:59:59.999 local) in which `at` falls. */
export function endOfLocalYear(at: Date, zone: string): Date {
  return instant(endOfYear(inZone(at, zone)));
}

/**
 * DORA-style relief: a deadline on a weekend or public holiday moves to 12:00 of the next working day in
 * the jurisdiction's zone. Returns null when the deadline already falls on a working day.
 */
export function nextWorkingDayNoon(due: Date, j: Pick<Jurisdiction, 'zone' | 'holidays'>): Date | null {
  if (isWorkingDay(localDateOf(due, j.zone), j.holidays)) return null;
  let day = inZone(due, j.zone);
  do day = addDays(day, 1);
  while (!isWorkingDay(localDateOf(day, j.zone), j.holidays));
  day.setHours(12, 0, 0, 0);
  return instant(day);
}

/**
 * A filing cut-off (`17:30` in `cutoffZone`): a due instant later than that wall time on its day becomes
 * that time. The day is the due instant's date in `dayZone`, the zone its day count ran in; null when the
 * due instant is already at or before the cut-off.
 */
export function atCutoff(due: Date, cutoff: { hour: number; minute: number }, dayZone: string, cutoffZone: string): Date | null {
  const day = localDateOf(due, dayZone);
  const at = new TZDate(day.year, day.month - 1, day.day, cutoff.hour, cutoff.minute, 0, 0, cutoffZone);
  return at.getTime() < due.getTime() ? instant(at) : null;
}

/** Whether an instant falls on a working day of the calendar (weekends and the calendar's public holidays are not). */
export function onWorkingDay(at: Date, j: Pick<Jurisdiction, 'zone' | 'holidays'>): boolean {
  return isWorkingDay(localDateOf(at, j.zone), j.holidays);
}
