/**
 * Follow-up reminders for anything with an owner and a due time (a post-incident review, an action item, a
 * patch): reminders before the due time, one at it, then every `overdueEvery` while overdue, at most
 * `overdueMax` of those. A reminder never lands in quiet hours or on a day off: it waits for the next moment
 * that is neither. Reminders are numbered in plan order; the caller stores the number of the next one, so a
 * restart or a retried job sends each reminder once. Pure: no clock, no I/O.
 */
import { afterQuietHours, type QuietHours } from './quiet-hours.js';
import { onWorkingDay, type WorkingCalendar } from './working-days.js';

export interface FollowUpPolicy {
  /** How long before the due time to remind, in ms; 0 is the due time itself. */
  readonly before: readonly number[];
  /** Reminders once this share of the time from `since` to the due time has passed, in percent (50: half-way). */
  readonly elapsed?: readonly number[];
  /** Once overdue, remind this often (ms)... */
  readonly overdueEvery: number;
  /** ...at most this many times. */
  readonly overdueMax: number;
  /** How long after the due time an item still open is escalated (ms); null: never. */
  readonly escalateAfter: number | null;
  readonly quietHours: QuietHours | null;
  readonly calendar: WorkingCalendar;
}

export type ReminderKind = 'before' | 'due' | 'overdue';

export interface PlannedReminder {
  /** Its place in the plan, from 0: the key that makes it go out once. */
  readonly n: number;
  readonly kind: ReminderKind;
  /** When it would go out with no quiet hours and no days off. */
  readonly nominal: Date;
}

/**
 * Every reminder of an item due at `due` whose due time was set at `since`: lead times that were already
 * past at `since` are left out (an item due tomorrow gets no "a week before" reminder), shares of the window
 * (`elapsed`, half-way ...) come at their time, the overdue ones follow.
 */
export function plannedReminders(due: Date, since: Date, policy: FollowUpPolicy): PlannedReminder[] {
  const window = due.getTime() - since.getTime();
  const leads = [...new Set(policy.before)].filter((ms) => ms >= 0);
  const shares = [...new Set(policy.elapsed ?? [])].filter((p) => p > 0 && p < 100);
  const early: { kind: ReminderKind; at: number }[] = [
    ...leads.map((ms) => ({ kind: ms === 0 ? ('due' as const) : ('before' as const), at: due.getTime() - ms })),
    ...shares.map((p) => ({ kind: 'before' as const, at: since.getTime() + Math.round((window * p) / 100) })),
  ];
  // One reminder per instant, in time order; an instant already past at `since` is left out.
  const times = [...new Map(early.filter((r) => r.at > since.getTime()).map((r) => [r.at, r])).values()].sort((a, b) => a.at - b.at);
  for (let k = 1; k <= policy.overdueMax && policy.overdueEvery > 0; k++) times.push({ kind: 'overdue', at: due.getTime() + k * policy.overdueEvery });
  return times.map((r, n) => ({ n, kind: r.kind, nominal: new Date(r.at) }));
}

/** The first moment at or after `at` that is outside quiet hours and on a working day. */
export function deliverableAt(at: Date, policy: Pick<FollowUpPolicy, 'quietHours' | 'calendar'>): Date {
  let t = at;
  // Each pass moves forward to a working day, then past quiet hours; a few passes settle it.
  for (let pass = 0; pass < 10; pass++) {
    const moved = policy.quietHours ? afterQuietHours(onWorkingDay(t, policy.calendar), policy.quietHours) : onWorkingDay(t, policy.calendar);
    if (moved.getTime() === t.getTime()) return t;
    t = moved;
  }
  return t;
}

export interface NextReminder {
  reminder: PlannedReminder;
  /** When it goes out. */
  at: Date;
}

/**
 * The reminder to send next, from plan number `from` on, or null when the plan is spent. Reminders whose
 * delivery would fall at or before `after` (several overdue reminders held over one weekend) are folded
 * into the first one after it, so the owner gets one message, not a pile.
 */
export function nextReminder(due: Date, since: Date, from: number, after: Date | null, policy: FollowUpPolicy): NextReminder | null {
  const plan = plannedReminders(due, since, policy);
  for (const reminder of plan.slice(from)) {
    const at = deliverableAt(reminder.nominal, policy);
    if (after === null || at.getTime() > after.getTime()) return { reminder, at };
  }
  return null;
}

/**
 * The plan number to store as the next one to send, from `from` on, and the reminder to queue for it; when the
 * plan is spent there is none and the stored number is one past its end, so no old job matches it.
 */
export function nextStep(due: Date, since: Date, from: number, after: Date | null, policy: FollowUpPolicy): { n: number; next: NextReminder | null } {
  const next = nextReminder(due, since, from, after, policy);
  return { n: next ? next.reminder.n : plannedReminders(due, since, policy).length, next };
}

/**
 * The start of a plan that replaces one started at `previous`: now, or 1 ms after `previous` when both fall in
 * the same millisecond, so the new plan's job keys (which name its start) never meet the old one's.
 */
export const newPlanSince = (previous: Date, now: Date): Date => (now.getTime() > previous.getTime() ? now : new Date(previous.getTime() + 1));

/** When an item still open is escalated (outside quiet hours, on a working day), or null when the policy never escalates. */
export function escalationAt(due: Date, policy: FollowUpPolicy): Date | null {
  if (policy.escalateAfter === null) return null;
  return deliverableAt(new Date(due.getTime() + policy.escalateAfter), policy);
}
