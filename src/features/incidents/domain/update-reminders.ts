/**
 * When the commander's next update reminder goes out. Reminders repeat at the severity's cadence while no
 * update is posted, up to a cap (the last one says so, so the silence after it is never a surprise), and
 * wait for the end of quiet hours unless the severity is configured to ignore them.
 */
import { afterQuietHours, type QuietHours } from '../../../platform/calendar/quiet-hours.js';

export interface UpdateReminderPolicy {
  /** The severity's update cadence, in milliseconds. */
  readonly everyMs: number;
  /** The most reminders between two updates; 0 sends none. */
  readonly maxPerUpdate: number;
  /** null: no quiet hours configured. */
  readonly quietHours: QuietHours | null;
  /** The severity's reminders go out during quiet hours too. */
  readonly ignoreQuietHours: boolean;
}

export interface PlannedReminder {
  readonly at: Date;
  /** 1 for the first reminder since the last update. */
  readonly number: number;
  /** The cap is reached with this one: no more until the next update. */
  readonly last: boolean;
}

/**
 * The reminder after `sent` reminders, one cadence after `from` (the last update, or the reminder just sent),
 * moved to the end of quiet hours when it would land in them. null when the cap is reached.
 */
export function nextUpdateReminder(from: Date, sent: number, policy: UpdateReminderPolicy): PlannedReminder | null {
  if (sent >= policy.maxPerUpdate) return null;
  const planned = new Date(from.getTime() + policy.everyMs);
  const at = policy.quietHours && !policy.ignoreQuietHours ? afterQuietHours(planned, policy.quietHours) : planned;
  const number = sent + 1;
  return { at, number, last: number === policy.maxPerUpdate };
}
