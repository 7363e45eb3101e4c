/**
 * What people do to a review: schedule its meeting, hand it to someone else, record it done, or waive it.
 * Each runs in one transaction with its timeline and audit entries, its channel message and its reminders.
 */
import { WardenError } from '../../../platform/errors.js';
import { accessViewOf, enqueueHomeRefresh, requireIncident, type Actor, type Incident } from '../../incidents/index.js';
import type { Permission } from '../../access/index.js';
import { refuseIfFinished, refuseOwnWaiver, reviewLink, waiveReason, type Review, type ReviewPatch } from '../domain/review.js';
import type { ReviewDeps, ReviewEvent } from './deps.js';
import { cancelFollowUp, queueFollowUp, queueMessage } from './follow-up.js';
import { record } from './follow-incident.js';
import { localDateTime } from '../../../platform/calendar/working-days.js';

/** The incident's review, or a clear answer why there is none (yet). */
export function requireReview(deps: ReviewDeps, incident: Incident): Review {
  const review = deps.reviews.get(incident.id);
  if (review) return review;
  const days = deps.reviewPolicy.dueWithinDays[incident.severity];
  if (days === undefined) throw new WardenError('not_found', `${incident.id} is ${incident.severity}: warden.yaml's reviews.dueWithin gives that severity no post-incident review.`);
  throw new WardenError('not_found', `${incident.id} has no review yet: it is scheduled when the incident resolves, due within ${days} business days.`);
}

/** The review's owner may; anyone else needs the permission (the commander or an admin, an approver to waive). */
function requireOwnerOr(deps: ReviewDeps, permission: Permission, actor: Actor, incident: Incident, review: Review): void {
  if (actor.userId !== review.owner) deps.access.require(permission, actor.userId, accessViewOf(incident));
}

interface Change {
  action: string;
  text: string;
  data: Record<string, unknown>;
  patch: ReviewPatch;
  event: ReviewEvent;
  /** Whether the reminder plan ends (finished) or starts over (a new owner). */
  plan: 'keep' | 'cancel' | 'restart';
}

function apply(deps: ReviewDeps, actor: Actor, incident: Incident, review: Review, change: Change): Review {
  const now = deps.clock.now();
  deps.reviews.update(incident.id, { ...change.patch, updatedAt: now });
  record(deps, incident.id, actor.userId, now, change.action, change.text, change.data);
  if (change.plan !== 'keep') cancelFollowUp(deps, incident.id, now);
  const next = deps.reviews.get(incident.id) ?? review;
  if (change.plan === 'restart' && next.status === 'scheduled') queueFollowUp(deps, next, 0, null, now);
  queueMessage(deps, { incidentId: incident.id, to: 'channel', event: change.event, by: actor.userId }, now);
  enqueueHomeRefresh(deps.store, now, incident.id, [review.owner, next.owner]);
  return next;
}

function change(deps: ReviewDeps, incidentId: string, fn: (incident: Incident, review: Review) => Review): Review {
  return deps.store.transaction(() => {
    const incident = requireIncident(deps.store, incidentId);
    return fn(incident, requireReview(deps, incident));
  });
}

export function scheduleMeeting(deps: ReviewDeps, actor: Actor, incidentId: string, at: Date): Review {
  return change(deps, incidentId, (incident, review) => {
    requireOwnerOr(deps, '/incident pir:schedule', actor, incident, review);
    refuseIfFinished(review);
    return apply(deps, actor, incident, review, { action: 'review.meeting_scheduled', text: `Post-incident review meeting set for ${localDateTime(at, deps.reviewPolicy.calendar.zone)} (${deps.reviewPolicy.calendar.zone})`, data: { meetingAt: at.toISOString() }, patch: { meetingAt: at }, event: 'meeting', plan: 'keep' });
  });
}

export function setOwner(deps: ReviewDeps, actor: Actor, incidentId: string, owner: string): Review {
  return change(deps, incidentId, (incident, review) => {
    requireOwnerOr(deps, '/incident pir:owner', actor, incident, review);
    refuseIfFinished(review);
    if (owner === review.owner) throw new WardenError('bad_input', `<@${owner}> already owns the review of ${incident.id}.`);
    const now = deps.clock.now();
    // A new owner gets the whole reminder plan from now on, and a fresh escalation.
    const patch: ReviewPatch = { owner, planSince: now, nextReminder: 0, escalatedAt: null };
    return apply(deps, actor, incident, review, { action: 'review.owner_changed', text: `Post-incident review owner: <@${review.owner}> → <@${owner}>`, data: { from: review.owner, to: owner }, patch, event: 'owner_changed', plan: 'restart' });
  });
}

export function markDone(deps: ReviewDeps, actor: Actor, incidentId: string, linkText: string): Review {
  return change(deps, incidentId, (incident, review) => {
    requireOwnerOr(deps, '/incident pir:done', actor, incident, review);
    refuseIfFinished(review);
    const link = reviewLink(linkText);
    const now = deps.clock.now();
    const late = now.getTime() > review.dueAt.getTime();
    const patch: ReviewPatch = { status: 'done', link, decidedBy: actor.userId, decidedAt: now };
    return apply(deps, actor, incident, review, { action: 'review.done', text: `Post-incident review done${late ? ' (late)' : ''}: ${link}`, data: { link, late, dueAt: review.dueAt.toISOString() }, patch, event: 'done', plan: 'cancel' });
  });
}

export function waive(deps: ReviewDeps, actor: Actor, incidentId: string, reasonText: string): Review {
  return change(deps, incidentId, (incident, review) => {
    deps.access.require('/incident pir:waive', actor.userId, accessViewOf(incident));
    refuseIfFinished(review);
    refuseOwnWaiver(review, actor.userId);
    const reason = waiveReason(reasonText);
    const patch: ReviewPatch = { status: 'waived', waiveReason: reason, decidedBy: actor.userId, decidedAt: deps.clock.now() };
    return apply(deps, actor, incident, review, { action: 'review.waived', text: `Post-incident review waived: ${reason}`, data: { reason, owner: review.owner }, patch, event: 'waived', plan: 'cancel' });
  });
}
