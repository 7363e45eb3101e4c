/**
 * Periods of a recurring control. A calendar cadence follows the calendar in the company's zone (a month, a
 * quarter, a year, an ISO week Monday to Sunday; due at the end of its last day); a period in ms (`90d`) runs
 * from the previous period's end. A period follows the one before it, never the day it was done. Pure.
 */
import { TZDate } from '@date-fns/tz';
import { endOfISOWeek } from 'date-fns/endOfISOWeek';
import { endOfMonth } from 'date-fns/endOfMonth';
import { endOfQuarter } from 'date-fns/endOfQuarter';
import { endOfYear } from 'date-fns/endOfYear';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';
import { startOfMonth } from 'date-fns/startOfMonth';
import { startOfQuarter } from 'date-fns/startOfQuarter';
import { startOfYear } from 'date-fns/startOfYear';
import { formatDuration } from '../../../platform/duration.js';

/** Calendar cadences of recurring controls; a control may also recur every N days (`90d`). */
export const CADENCES = ['weekly', 'monthly', 'quarterly', 'yearly'] as const;
export type Cadence = (typeof CADENCES)[number];

/** manual: done with `/access-review done`; tabletop: also done when a drill is declared and closed. */
export const CONTROL_KINDS = ['manual', 'tabletop'] as const;
export type ControlKind = (typeof CONTROL_KINDS)[number];

/** How often a control recurs: a calendar cadence, or a period in ms. */
export type Every = Cadence | number;

export interface Period {
  readonly start: Date;
  /** The end of the period: done after this, it is late. */
  readonly due: Date;
}

const DAY_MS = 86_400_000;
/** A day period longer than this is a typo (`900d`), not a control. */
export const MAX_DAYS = 3660;

const BOUNDS: Record<Cadence, [(d: TZDate) => TZDate, (d: TZDate) => TZDate]> = {
  weekly: [startOfISOWeek, endOfISOWeek],
  monthly: [startOfMonth, endOfMonth],
  quarterly: [startOfQuarter, endOfQuarter],
  yearly: [startOfYear, endOfYear],
};

/** The calendar period of `cadence` that holds the instant, in the zone. */
export function calendarPeriodAt(cadence: Cadence, zone: string, at: Date): Period {
  const local = new TZDate(at.getTime(), zone);
  const [start, end] = BOUNDS[cadence];
  return { start: new Date(start(local).getTime()), due: new Date(end(local).getTime()) };
}

/**
 * The period that starts at `start`: for a calendar cadence, from `start` to the end of the calendar period
 * holding it (the whole month when `start` is its first instant); for a day period, `every` ms long.
 */
export function periodFrom(every: Every, zone: string, start: Date): Period {
  // Due at the period's last millisecond, as a calendar period is: the next one starts 1 ms later.
  if (typeof every === 'number') return { start, due: new Date(start.getTime() + every - 1) };
  return { start, due: calendarPeriodAt(every, zone, start).due };
}

/** The first period of a control configured or added at `since`: the calendar period holding it, or `every` ms from it. */
export function firstPeriod(every: Every, zone: string, since: Date): Period {
  return typeof every === 'number' ? periodFrom(every, zone, since) : calendarPeriodAt(every, zone, since);
}

/** When the period after `prev` starts: just after its last millisecond. */
export const nextStart = (prev: Period): Date => new Date(prev.due.getTime() + 1);

/** The period after `prev` (with the cadence as it is now: a changed cadence applies from the next period). */
export function nextPeriod(every: Every, zone: string, prev: Period): Period {
  return periodFrom(every, zone, nextStart(prev));
}

/** True when done after the period's end. */
export const isLate = (period: Period, doneAt: Date): boolean => doneAt.getTime() > period.due.getTime();

export type PeriodStatus = 'open' | 'overdue' | 'done';

export function periodStatus(period: Period & { doneAt: Date | null }, now: Date): PeriodStatus {
  if (period.doneAt) return 'done';
  return now.getTime() > period.due.getTime() ? 'overdue' : 'open';
}

const DAYS = /^([1-9]\d{0,3})d$/;

/** A cadence as typed (`monthly`, `90d`), or null when it is neither. */
export function parseEvery(word: string): Every | null {
  const w = word.trim().toLowerCase();
  if ((CADENCES as readonly string[]).includes(w)) return w as Cadence;
  const m = DAYS.exec(w);
  if (!m) return null;
  const days = Number(m[1]);
  return days <= MAX_DAYS ? days * DAY_MS : null;
}

/** The cadence in words: `monthly`, `every 90d`. */
export const everyText = (every: Every): string => (typeof every === 'number' ? `every ${every % DAY_MS === 0 ? `${every / DAY_MS}d` : formatDuration(every)}` : every);

/** The cadence as stored: the word, or the ms as digits. */
export const everyToText = (every: Every): string => String(every);
export const everyFromText = (text: string): Every => (/^\d+$/.test(text) ? Number(text) : (text as Cadence));
