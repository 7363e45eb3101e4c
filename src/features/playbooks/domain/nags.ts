/**
 * When to remind a step's owner next. Nags start when the step falls due, repeat at a fixed interval up to
 * a cap, never land in quiet hours (they wait for the end) and wait out a snooze.
 */
import { afterQuietHours, type QuietHours } from '../../../platform/calendar/quiet-hours.js';
import { isTimeZone } from '../../../platform/calendar/zones.js';
import { z } from 'zod';

export { afterQuietHours, type QuietHours };


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

