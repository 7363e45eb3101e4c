/**
 * The review's reminders and its escalation, as durable jobs. One job holds the next reminder of the current
 * plan and names it (the plan's start and the reminder's number): the review's own `nextReminder` makes each
 * reminder go out once even if its job runs twice (a crash before the job was marked done), and a job left
 * over from an older plan (the review moved, was paused or finished) finds that out and does nothing.
 */
import { escalationAt, nextReminder, plannedReminders } from '../../../platform/calendar/follow-up.js';
import type { Review } from '../domain/review.js';
import { REVIEW_JOB_KINDS, type ReminderPayload, type ReviewDeps, type ReviewMessage } from './deps.js';

export function queueMessage(deps: ReviewDeps, message: ReviewMessage, now: Date, idemKey?: string): void {
  deps.store.jobs.enqueue({ kind: REVIEW_JOB_KINDS.message, dueAt: now, payload: message, incidentId: message.incidentId, ...(idemKey ? { idemKey } : {}) }, now);
}

/** Queues the plan's next reminder from number `from` on (after `after`) and, for a fresh plan, the escalation. */
export function queueFollowUp(deps: ReviewDeps, review: Review, from: number, after: Date | null, now: Date): void {
  const policy = deps.reviewPolicy.followUp;
  const since = review.planSince.toISOString();
  const next = nextReminder(review.dueAt, review.planSince, from, after, policy);
  if (next) {
    const payload: ReminderPayload = { incidentId: review.incidentId, n: next.reminder.n, planSince: since };
    deps.store.jobs.enqueue({ kind: REVIEW_JOB_KINDS.remind, dueAt: next.at, payload, incidentId: review.incidentId }, now);
  }
  const escalateAt = from === 0 ? escalationAt(review.dueAt, policy) : null;
  if (escalateAt) {
    const payload = { incidentId: review.incidentId, planSince: since };
    deps.store.jobs.enqueue({ kind: REVIEW_JOB_KINDS.escalate, dueAt: escalateAt, payload, incidentId: review.incidentId }, now);
  }
}

/** Drops the pending reminder and escalation (the review finished, paused or moved); their successors are queued anew. */
export function cancelFollowUp(deps: ReviewDeps, incidentId: string, now: Date): void {
  deps.store.jobs.cancel(incidentId, [REVIEW_JOB_KINDS.remind, REVIEW_JOB_KINDS.escalate], now);
}

const current = (review: Review | null, planSince: string): review is Review => review !== null && review.status === 'scheduled' && review.planSince.toISOString() === planSince;

/** A reminder falls due: DM the owner, note it sent, queue the next one. Once each, whatever the restarts. */
export function runReminder(deps: ReviewDeps, p: ReminderPayload): void {
  deps.store.transaction(() => {
    const review = deps.reviews.get(p.incidentId);
    if (!current(review, p.planSince) || review.nextReminder > p.n) return;
    const now = deps.clock.now();
    const plan = plannedReminders(review.dueAt, review.planSince, deps.reviewPolicy.followUp);
    const planned = plan[p.n];
    if (!planned) return;
    queueMessage(deps, { incidentId: review.incidentId, to: 'owner', event: 'reminder', reminder: { kind: planned.kind } }, now, `review-dm:${review.incidentId}:${review.owner}:${p.planSince}:${p.n}`);
    deps.reviews.update(review.incidentId, { nextReminder: p.n + 1, updatedAt: now });
    queueFollowUp(deps, { ...review, nextReminder: p.n + 1 }, p.n + 1, now, now);
  });
}

/** The review is still open past its escalation time: the managers' channel hears of it, once. */
export function runEscalation(deps: ReviewDeps, p: { incidentId: string; planSince: string }): void {
  deps.store.transaction(() => {
    const review = deps.reviews.get(p.incidentId);
    if (!current(review, p.planSince) || review.escalatedAt || !deps.managersChannel) return;
    const now = deps.clock.now();
    deps.reviews.update(review.incidentId, { escalatedAt: now, updatedAt: now });
    deps.store.audit.append({ at: now.toISOString(), actor: 'warden', action: 'review.escalated', incidentId: review.incidentId, details: { owner: review.owner, dueAt: review.dueAt.toISOString() } });
    queueMessage(deps, { incidentId: review.incidentId, to: 'managers', event: 'escalation' }, now, `review-escalation:${review.incidentId}:${review.owner}:${p.planSince}`);
  });
}
