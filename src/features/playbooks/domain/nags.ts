/**
 * When to remind a step's owner next. Nags start when the step falls due, repeat at a fixed interval up to
 * a cap, never land in quiet hours (they wait for the end) and wait out a snooze.
 */
import { TZDate } from '@date-fns/tz';
import { z } from 'zod';

export interface QuietHours {
  /** Local wall-clock `HH:MM` in `timeZone`; a window may cross midnight (22:00 -> 07:00). */
  readonly start: string;
  readonly end: string;
  /** IANA zone, e.g. `Europe/Berlin`. */
  readonly timeZone: string;
}

export interface NagPolicy {
  /** Milliseconds between nags (e.g. `parseDuration('2h')`). */
  readonly every: number;
  /** The most nags one step gets. */
  readonly maxPerStep: number;
  readonly quietHours?: QuietHours | null;
  readonly snoozedUntil?: Date | null;
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Zod schema for quiet hours as configured (checks the clock times and that the zone exists). */
export const quietHoursSchema = z.object({
  start: z.string().regex(HH_MM, 'expected a time like 22:00'),
  end: z.string().regex(HH_MM, 'expected a time like 07:00'),
  timeZone: z.string().refine(isTimeZone, { error: (iss) => `unknown time zone ${JSON.stringify(iss.input)}: expected an IANA name like Europe/Berlin` }),
});

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * The time of the next nag for one step, or null when there is nothing to send: `due` is null (the step has
 * no due time yet, or the caller passes null because it is done, skipped or the incident is resolved) or the
 * cap is reached. The first nag is at `due`, the next `every` after the last one; a time already past becomes
 * `now`; then a snooze pushes it to the snooze's end and quiet hours push it to their end.
 */
export function nextNagAt(
  due: Date | null,
  nagsSent: number,
  lastNagAt: Date | null,
  now: Date,
  policy: NagPolicy,
): Date | null {
  if (!due || nagsSent >= policy.maxPerStep) return null;
  const planned =
    nagsSent === 0 ? due.getTime() : (lastNagAt?.getTime() ?? due.getTime() + (nagsSent - 1) * policy.every) + policy.every;
  const at = Math.max(planned, now.getTime(), policy.snoozedUntil?.getTime() ?? -Infinity);
  return policy.quietHours ? afterQuietHours(new Date(at), policy.quietHours) : new Date(at);
}

/** `at` itself when it is outside the quiet window, else the window's end (local time in the window's zone). */
export function afterQuietHours(at: Date, quiet: QuietHours): Date {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return at;
  const local = new TZDate(at.getTime(), quiet.timeZone);
  const m = local.getHours() * 60 + local.getMinutes();
  const crossesMidnight = start > end;
  const quietNow = crossesMidnight ? m >= start || m < end : m >= start && m < end;
  if (!quietNow) return at;
  // Before midnight in a window that crosses it, the window ends tomorrow.
  const dayOffset = crossesMidnight && m >= start ? 1 : 0;
  const endsAt = new TZDate(
    local.getFullYear(),
    local.getMonth(),
    local.getDate() + dayOffset,
    Math.floor(end / 60),
    end % 60,
    0,
    0,
    quiet.timeZone,
  );
  return new Date(endsAt.getTime());
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
