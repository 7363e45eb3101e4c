/** When to remind people about one deadline. Pure: the scheduler turns the instants into reminder rows. */
import { parseDuration } from '../../../../platform/duration.js';
import { WardenError } from '../../../../platform/errors.js';

/** Reminders after the due instant: one every `every` (a duration such as `1h`), at most `max` of them. */
export interface AfterDue {
  readonly every: string;
  readonly max: number;
}

const PERCENT = /^(\d{1,3}(?:\.\d+)?)%$/;

/**
 * Reminder instants for a deadline that runs from `anchorAt` to `due`, from config lead times:
 * - `'50%'`: when that share of the window has elapsed (half the time);
 * - `'4h'`, `'30m'`, `'1d'`: that long before the due instant;
 * - `'0'`: at the due instant;
 * then every `after.every` after the due instant, `after.max` times.
 * Instants before `anchorAt` are dropped (a 4 h lead on a 2 h clock), duplicates merged, result sorted.
 * @throws WardenError('bad_input') for a lead time or interval it cannot read.
 */
export function reminderTimes(anchorAt: Date, due: Date, leadTimes: readonly string[], after: AfterDue): Date[] {
  const start = anchorAt.getTime();
  const end = due.getTime();
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) {
    throw new WardenError('bad_input', 'reminder window: due must be a valid instant at or after its anchor');
  }
  const times = leadTimes.map((lead) => end - leadMs(lead, end - start));
  const every = parseDuration(after.every);
  if (every === null || !Number.isInteger(after.max) || after.max < 0) {
    throw new WardenError('bad_input', `reminders after due: expected an interval like 1h and a whole max >= 0, got ${after.every} x ${after.max}`);
  }
  for (let i = 1; i <= after.max; i++) times.push(end + i * every);
  return [...new Set(times.filter((t) => t >= start))].sort((a, b) => a - b).map((t) => new Date(t));
}

/** How long before the due instant a lead time fires. */
function leadMs(lead: string, windowMs: number): number {
  const text = lead.trim();
  if (text === '0') return 0;
  const pct = PERCENT.exec(text);
  if (pct?.[1] !== undefined) {
    const share = Number(pct[1]);
    if (share > 100) throw new WardenError('bad_input', `reminder lead time ${lead}: a share of the window is at most 100%`);
    return Math.round(windowMs * (1 - share / 100));
  }
  const ms = parseDuration(text);
  if (ms === null) throw new WardenError('bad_input', `reminder lead time ${lead}: expected a share like 50%, a duration like 4h, or 0`);
  return ms;
}
