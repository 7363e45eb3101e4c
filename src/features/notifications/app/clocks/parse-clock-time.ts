import { TZDate } from '@date-fns/tz';
import { WardenError } from '../../../../platform/errors.js';

/** How a clock time was given: nothing (now), ISO 8601 with an offset, or a wall-clock time in the person's zone. */
export const CLOCK_TIME_FORMS = ['now', 'iso', 'local'] as const;
export type ClockTimeForm = (typeof CLOCK_TIME_FORMS)[number];

export const CLOCK_TIME_HINT =
  'Give no time (now), ISO 8601 with an offset (`2026-11-21T14:05:00Z`, `2026-11-21T09:05-05:00`), or your local time (`14:05` today, `2026-11-21 14:05`).';

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const LOCAL_TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * Reads the time a person typed after `/incident clock <event>`. A plain local time is read in `zone` (the
 * person's Slack zone); `14:05` alone means today, in that zone, at `now`. Pure.
 * @throws WardenError('bad_input') with the accepted forms for anything else (or an impossible date or time).
 */
export function parseClockTime(text: string, zone: string, now: Date): { at: Date; form: ClockTimeForm } {
  const t = text.trim();
  if (t === '' || t.toLowerCase() === 'now') return { at: now, form: 'now' };
  const iso = ISO.exec(t);
  if (iso) {
    const wall = toWall(iso.slice(1, 7));
    const offset = iso[7] ?? 'Z';
    const normal = offset.toUpperCase() === 'Z' ? 'Z' : `${offset.slice(0, 3)}:${offset.slice(-2)}`;
    if (!wall || !validOffset(normal)) throw unreadable(t);
    return { at: new Date(`${t.slice(0, 10)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}${normal}`), form: 'iso' };
  }
  const local = LOCAL_DATE_TIME.exec(t);
  const timeOnly = local ? null : LOCAL_TIME.exec(t);
  if (!local && !timeOnly) throw unreadable(t);
  const today = new TZDate(now.getTime(), zone);
  const parts = local ? local.slice(1, 7) : [String(today.getFullYear()), String(today.getMonth() + 1), String(today.getDate()), ...(timeOnly?.slice(1, 4) ?? [])];
  const wall = toWall(parts);
  if (!wall) throw unreadable(t);
  const at = new TZDate(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, zone);
  return { at: new Date(at.getTime()), form: 'local' };
}

function toWall(parts: (string | undefined)[]): WallClock | null {
  const [year, month, day, hour, minute, second] = parts.map((p) => (p === undefined ? 0 : Number(p))) as [number, number, number, number, number, number];
  // A year before 1970 is a typo (0026 for 2026, which Date would even read as 1926); Slack's date tokens start at 1970 too.
  if (year < 1970) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { year, month, day, hour, minute, second };
}

function validOffset(offset: string): boolean {
  if (offset === 'Z') return true;
  const hours = Number(offset.slice(1, 3));
  const minutes = Number(offset.slice(4, 6));
  return hours <= 14 && minutes <= 59;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function unreadable(text: string): WardenError {
  const shown = /^[\w:+ .-]{1,40}$/.test(text) ? `\`${text}\`` : 'That';
  return new WardenError('bad_input', `${shown} is not a time I can read. ${CLOCK_TIME_HINT}`);
}
