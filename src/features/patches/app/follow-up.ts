import { escalationAt, newPlanSince, nextStep, plannedReminders } from '../../../platform/calendar/follow-up.js';
import { isAccepted, type Finding, type FindingPatch } from '../domain/finding.js';
import { audit, PATCH_JOB_KINDS, type PatchCore } from './deps.js';
import type { DmPayload } from './payloads.js';

const since = (f: Finding) => f.planSince.toISOString();

/**
 * The due time a plan counts to: the finding's, or the plan's start when that is later (an owner change or an
 * acceptance's end on an overdue finding), so the daily overdue reminders count again from the new start.
 */
const planDue = (f: Finding): Date => (f.planSince.getTime() > f.dueAt.getTime() ? f.planSince : f.dueAt);

/**
 * Starts the finding's reminder plan (counted from `planSince`, whose window runs to the due time: 50% is
 * half-way there): stores the number of the first reminder still to come, queues it, and queues the
 * escalation (at once when its time already passed). Nothing while an acceptance pauses the finding.
 */
export function startFollowUp(deps: PatchCore, f: Finding, now: Date): void {
  if (f.status !== 'open' || isAccepted(f, now)) return;
  queueNext(deps, f, 0, now);
  const at = escalationAt(f.dueAt, deps.patchPolicy.followUp);
  if (!at || !deps.managersChannel || f.escalatedAt) return;
  const dueAt = at.getTime() > now.getTime() ? at : now;
  deps.store.jobs.enqueue({ kind: PATCH_JOB_KINDS.escalate, dueAt, payload: { id: f.id, since: since(f) }, idemKey: `patch-escalate:${f.id}:${since(f)}` }, now);
}

/** Stores and queues the first reminder from plan number `from` that goes out after `now` (none: the plan is spent). */
export function queueNext(deps: PatchCore, f: Finding, from: number, now: Date): void {
  const { n, next } = nextStep(planDue(f), f.planSince, from, now, deps.patchPolicy.followUp);
  deps.patches.update(f.id, { nextReminder: n });
  if (!next) return;
  // The key names the plan and the reminder: the same reminder is never queued twice, whatever retries.
  deps.store.jobs.enqueue({ kind: PATCH_JOB_KINDS.remind, dueAt: next.at, payload: { id: f.id, n, since: since(f) }, idemKey: `patch-remind:${f.id}:${n}:${since(f)}` }, now);
}

/**
 * Applies `patch` and starts a new plan from now: the old plan's jobs find themselves stale and send nothing.
 * Returns the finding as stored.
 */
export function restartPlan(deps: PatchCore, f: Finding, patch: FindingPatch, now: Date): Finding {
  deps.patches.update(f.id, { ...patch, planSince: newPlanSince(f.planSince, now), nextReminder: 0 });
  const restarted = deps.patches.get(f.id) as Finding;
  startFollowUp(deps, restarted, now);
  return deps.patches.get(f.id) as Finding;
}

/** True when a job of the plan started at `planSince` still belongs to the finding (open, same plan, not paused). */
export const stillCurrent = (f: Finding | null, planSince: string, now: Date): f is Finding => !!f && f.status === 'open' && f.planSince.toISOString() === planSince && !isAccepted(f, now);

/**
 * Reminder `n` of a finding's plan: queues the DM (once, by its key) and the next reminder, in one transaction.
 * Nothing for a finding closed, paused or re-planned since, or a reminder already handled (a retry after a crash).
 */
export function remindFinding(deps: PatchCore, p: { id: string; n: number; since: string }): void {
  deps.store.transaction(() => {
    const now = deps.clock.now();
    const f = deps.patches.get(p.id);
    if (!stillCurrent(f, p.since, now) || f.nextReminder !== p.n) return;
    const plan = plannedReminders(planDue(f), f.planSince, deps.patchPolicy.followUp);
    const reminder = plan[p.n];
    if (!reminder) return;
    const dm: DmPayload = { type: 'reminder', ...p, total: plan.length, kind: reminder.kind };
    deps.store.jobs.enqueue({ kind: PATCH_JOB_KINDS.dm, dueAt: now, payload: dm, idemKey: `patch-dm:${p.id}:${p.n}:${p.since}` }, now);
    queueNext(deps, f, p.n + 1, now);
  });
}

/** A finding still open after `escalateAfter`: the managers' channel is told once per finding, ever. */
export function escalateFinding(deps: PatchCore, p: { id: string; since: string }): void {
  deps.store.transaction(() => {
    const now = deps.clock.now();
    const f = deps.patches.get(p.id);
    const channel = deps.managersChannel;
    if (!stillCurrent(f, p.since, now) || f.escalatedAt || !channel || f.dueAt.getTime() > now.getTime()) return;
    deps.patches.update(f.id, { escalatedAt: now });
    audit(deps, 'warden', now, 'patch.escalated', { id: f.id, owner: f.owner, dueAt: f.dueAt.toISOString() });
    deps.store.jobs.enqueue({ kind: PATCH_JOB_KINDS.post, dueAt: now, payload: { type: 'escalation', id: f.id, channel }, idemKey: `patch-escalation:${f.id}` }, now);
  });
}
