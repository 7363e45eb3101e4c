/**
 * A period's follow-up, on the shared plan of platform/calendar/follow-up.ts: the plan counts from the period's
 * start to its due time; the stored `next_reminder` says which reminder is queued next, so a restart or a
 * retried job sends each one once; escalation is queued once per period.
 */
import { z } from 'zod';
import { deliverableAt, escalationAt, nextStep, plannedReminders } from '../../../platform/calendar/follow-up.js';
import type { ControlPeriod } from '../domain/control.js';
import { audit, CONTROL_JOB_KINDS, type ControlDeps } from './deps.js';

export const periodRef = z.object({ controlId: z.string(), start: z.string() });
export const remindPayload = periodRef.extend({ n: z.number().int().min(0) });
export const dmPayload = periodRef.extend({ what: z.enum(['opened', 'before', 'due', 'overdue']), n: z.number().int().nullable(), total: z.number().int() });
export const escalationPostPayload = periodRef.extend({ channel: z.string() });
export type DmPayload = z.infer<typeof dmPayload>;
type PeriodRef = z.infer<typeof periodRef>;

const keyOf = (p: Pick<ControlPeriod, 'controlId' | 'start'>) => `${p.controlId}:${p.start.toISOString()}`;
const refOf = (p: ControlPeriod): PeriodRef => ({ controlId: p.controlId, start: p.start.toISOString() });
const planOf = (deps: ControlDeps, p: ControlPeriod) => plannedReminders(p.due, p.planSince, deps.followUp);

/** The period a job names, when it is still open (done since: the job does nothing). */
export function openPeriodOf(deps: ControlDeps, ref: PeriodRef): ControlPeriod | null {
  const period = deps.controls.period(ref.controlId, new Date(ref.start));
  return period?.status === 'open' ? period : null;
}

/** Queues a DM to the owner (sent once per period and reminder); an unowned control gets none. */
export function queueDm(deps: ControlDeps, period: ControlPeriod, what: DmPayload['what'], now: Date, n: number | null = null): void {
  if (!deps.controls.get(period.controlId)?.owner) return;
  const payload: DmPayload = { ...refOf(period), what, n, total: planOf(deps, period).length };
  // The opening DM waits for working hours, as reminders do (a period opens at midnight, often on a day off).
  const dueAt = what === 'opened' ? deliverableAt(now, deps.followUp) : now;
  deps.store.jobs.enqueue({ kind: CONTROL_JOB_KINDS.dm, dueAt, payload, idemKey: `control-dm:${keyOf(period)}:${n ?? what}` }, now);
}

/** Stores the number of the first reminder from `from` that goes out after `now`, and queues it (none: the plan is spent). */
function queueReminder(deps: ControlDeps, period: ControlPeriod, from: number, now: Date): void {
  const { n, next } = nextStep(period.due, period.planSince, from, now, deps.followUp);
  deps.controls.updatePeriod(period.controlId, period.start, { nextReminder: n });
  if (next) deps.store.jobs.enqueue({ kind: CONTROL_JOB_KINDS.remind, dueAt: next.at, payload: { ...refOf(period), n }, idemKey: `control-remind:${keyOf(period)}:${n}` }, now);
}

/** Starts a newly opened period's reminders and queues its escalation (when a managers' channel is set). */
export function startFollowUp(deps: ControlDeps, period: ControlPeriod, now: Date): void {
  queueReminder(deps, period, 0, now);
  const at = escalationAt(period.due, deps.followUp);
  if (at && deps.managersChannel) deps.store.jobs.enqueue({ kind: CONTROL_JOB_KINDS.escalate, dueAt: at, payload: refOf(period), idemKey: `control-escalate:${keyOf(period)}` }, now);
}

/** Reminder `n`: queues the owner's DM and the next reminder; nothing for a period done since or a reminder handled already. */
export function remindPeriod(deps: ControlDeps, p: z.infer<typeof remindPayload>): void {
  deps.store.transaction(() => {
    const period = openPeriodOf(deps, p);
    const reminder = period && period.nextReminder === p.n ? planOf(deps, period)[p.n] : undefined;
    if (!period || !reminder) return;
    const now = deps.clock.now();
    queueDm(deps, period, reminder.kind, now, p.n);
    queueReminder(deps, period, p.n + 1, now);
  });
}

/**
 * A period still open after `escalateAfter`: the managers' channel is told once per period. An unowned control
 * is not escalated either (nobody was nagged): `/access-review list` and the digest name it as unowned.
 */
export function escalatePeriod(deps: ControlDeps, p: PeriodRef): void {
  deps.store.transaction(() => {
    const period = openPeriodOf(deps, p);
    const channel = deps.managersChannel;
    if (!period || period.escalatedAt || !channel || !deps.controls.get(p.controlId)?.owner) return;
    const now = deps.clock.now();
    deps.controls.updatePeriod(period.controlId, period.start, { escalatedAt: now });
    audit(deps, 'warden', now, 'control.escalated', { id: period.controlId, start: p.start, due: period.due.toISOString() });
    deps.store.jobs.enqueue({ kind: CONTROL_JOB_KINDS.escalationPost, dueAt: now, payload: { ...p, channel }, idemKey: `control-escalation:${keyOf(period)}` }, now);
  });
}
