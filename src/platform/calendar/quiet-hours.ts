/** Quiet hours: a daily window, in a zone, in which reminders to people wait for its end. */
import { tzOffset } from '@date-fns/tz';

export interface QuietHours {
  /** Local wall-clock `HH:MM` in `timeZone`; a window may cross midnight (22:00 -> 07:00). */
  readonly start: string;
  readonly end: string;
  /** IANA zone, e.g. `Europe/Berlin`. */
  readonly timeZone: string;
}

const MINUTE = 60_000;

/** `at` itself when it is outside the quiet window, else the window's end (local time in the window's zone). */
export function afterQuietHours(at: Date, quiet: QuietHours): Date {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return at;
  // The wall clock in the zone, read with the UTC getters: one offset lookup, where a TZDate makes several.
  const offset = offsetAt(quiet.timeZone, at.getTime());
  const local = new Date(at.getTime() + offset * MINUTE);
  const m = local.getUTCHours() * 60 + local.getUTCMinutes();
  const crossesMidnight = start > end;
  const quietNow = crossesMidnight ? m >= start || m < end : m >= start && m < end;
  if (!quietNow) return at;
  // Before midnight in a window that crosses it, the window ends tomorrow.
  const dayOffset = crossesMidnight && m >= start ? 1 : 0;
  const endWall = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + dayOffset, Math.floor(end / 60), end % 60);
  return new Date(instantOfWall(quiet.timeZone, endWall, offset));
}

/**
 * The first instant whose wall clock in `zone` reads `wall` (ms, as if UTC), from the offset `near` it: a DST change
 * may lie between. A wall time that a spring-forward skips reads as the same time after the gap (03:15 for 02:15).
 */
function instantOfWall(zone: string, wall: number, near: number): number {
  const guess = wall - near * MINUTE;
  const offset = offsetAt(zone, guess);
  if (offset === near) return guess;
  const other = wall - offset * MINUTE;
  return offsetAt(zone, other) === offset ? other : guess;
}

// Zone offsets by zone and quarter hour: every zone's offset changes (today's rules) fall on a quarter hour of UTC,
// so a quarter hour has one offset. Capped: a long-running process sees a new quarter hour every 15 minutes.
const QUARTER_HOUR = 15 * MINUTE;
const CACHE_CAP = 256;
const offsets = new Map<string, number>();

/** The UTC offset of `zone` at `ms`, in minutes. */
function offsetAt(zone: string, ms: number): number {
  const key = `${zone}@${Math.floor(ms / QUARTER_HOUR)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = tzOffset(zone, new Date(ms));
    if (offsets.size >= CACHE_CAP) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
