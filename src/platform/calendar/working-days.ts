/**
 * Working days of the company: Monday to Friday minus the public holidays of its date-holidays calendar
 * (`company.holidays`, e.g. `FR` or `US-NY`), read in its zone (`company.timeZone`). Pure: instants in, instants out.
 */
import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { endOfDay } from 'date-fns/endOfDay';
import { isWorkingDay, type LocalDate } from './business-calendar.js';

export interface WorkingCalendar {
  /** IANA zone in which days start and end. */
  readonly zone: string;
  /** A date-holidays code; null: weekends are the only days off. */
  readonly holidays: string | null;
}

const inZone = (at: Date, zone: string): TZDate => new TZDate(at.getTime(), zone);

/** The wall-calendar date of an instant in a zone. */
export function localDateIn(at: Date, zone: string): LocalDate {
  const t = inZone(at, zone);
  return { year: t.getFullYear(), month: t.getMonth() + 1, day: t.getDate(), weekday: t.getDay() };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The local day of an instant as `YYYY-MM-DD`. */
export function localDay(at: Date, zone: string): string {
  const d = localDateIn(at, zone);
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

/** The local wall-clock time of an instant as `YYYY-MM-DD HH:MM`. */
export function localDateTime(at: Date, zone: string): string {
  const t = inZone(at, zone);
  return `${localDay(at, zone)} ${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

/** True when the instant falls on a working day of the calendar. */
export function isWorkingDayAt(at: Date, calendar: WorkingCalendar): boolean {
  const date = localDateIn(at, calendar.zone);
  if (calendar.holidays === null) return date.weekday !== 0 && date.weekday !== 6;
  return isWorkingDay(date, calendar.holidays);
}

/** The end (23:59:59.999 local) of the n-th working day after the day of `at` (that day itself is not counted). */
export function endOfWorkingDays(at: Date, n: number, calendar: WorkingCalendar): Date {
  let day = inZone(at, calendar.zone);
  for (let counted = 0; counted < n; ) {
    day = addDays(day, 1);
    if (isWorkingDayAt(day, calendar)) counted++;
  }
  return new Date(endOfDay(day).getTime());
}

/** `at` itself on a working day; otherwise the start (00:00 local) of the next working day. */
export function onWorkingDay(at: Date, calendar: WorkingCalendar): Date {
  if (isWorkingDayAt(at, calendar)) return at;
  let day = inZone(at, calendar.zone);
  do day = addDays(day, 1);
  while (!isWorkingDayAt(day, calendar));
  day.setHours(0, 0, 0, 0);
  return new Date(day.getTime());
}
