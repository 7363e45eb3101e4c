/**
 * The review follows the incident, inside the transaction that changes it: resolving schedules the review
 * (or resumes a paused one with a new due date), reopening pauses it, and closing is refused while a required
 * review is neither done nor waived (the subscriber throws, so the close rolls back).
 */
import { WardenError } from '../../../platform/errors.js';
import type { DomainEvents } from '../../../platform/events.js';
import { commanderOf, isActive, recordChange, requireIncident, type Incident } from '../../incidents/index.js';
import { closeRefusal, isFinished, reviewDueAt, type Review } from '../domain/review.js';
import type { ReviewDeps } from './deps.js';
import { localDay } from '../../../platform/calendar/working-days.js';
import { cancelFollowUp, queueFollowUp, queueMessage } from './follow-up.js';

type StatusChanged = DomainEvents['incident.status_changed'];

export function onStatusChanged(deps: ReviewDeps, e: StatusChanged): void {
  if (e.to === 'resolved') onResolved(deps, e);
  else if (e.to === 'closed') refuseEarlyClose(deps, e.incidentId);
  else if (e.from === 'resolved' && isActive(e.to)) onReopened(deps, e);
}

function ownerAtResolution(deps: ReviewDeps, incident: Incident): string {
  return incident.roles[deps.reviewPolicy.ownerRole] ?? commanderOf(incident);
}

function onResolved(deps: ReviewDeps, e: StatusChanged): void {
  const incident = requireIncident(deps.store, e.incidentId);
  const now = deps.clock.now();
  const existing = deps.reviews.get(incident.id);
  if (existing && isFinished(existing)) return;
  const dueAt = reviewDueAt(incident.resolvedAt ?? now, incident.severity, deps.reviewPolicy);
  if (!dueAt) return;
  const plan = { dueAt, planSince: now, nextReminder: 0, escalatedAt: null, updatedAt: now };
  const review: Review = existing
    ? { ...existing, ...plan, status: 'scheduled' }
    : { incidentId: incident.id, status: 'scheduled', drill: incident.drill, owner: ownerAtResolution(deps, incident), meetingAt: null, link: null, waiveReason: null, decidedBy: null, decidedAt: null, createdAt: now, ...plan };
  if (existing) deps.reviews.update(incident.id, { ...plan, status: 'scheduled' });
  else deps.reviews.insert(review);
  record(deps, incident.id, e.by, now, existing ? 'review.resumed' : 'review.scheduled', `Post-incident review ${existing ? 'resumed' : 'scheduled'}${review.drill ? ' (drill)' : ''}: due by the end of ${localDay(dueAt, deps.reviewPolicy.calendar.zone)} (${deps.reviewPolicy.calendar.zone}), owner <@${review.owner}>`, { owner: review.owner, dueAt: dueAt.toISOString(), drill: review.drill });
  queueMessage(deps, { incidentId: incident.id, to: 'channel', event: existing ? 'resumed' : 'scheduled' }, now);
  queueFollowUp(deps, review, 0, null, now);
}

function onReopened(deps: ReviewDeps, e: StatusChanged): void {
  const review = deps.reviews.get(e.incidentId);
  if (!review || review.status !== 'scheduled') return;
  const now = deps.clock.now();
  deps.reviews.update(review.incidentId, { status: 'paused', updatedAt: now });
  cancelFollowUp(deps, review.incidentId, now);
  record(deps, review.incidentId, e.by, now, 'review.paused', 'Post-incident review paused: the incident was reopened', {});
  queueMessage(deps, { incidentId: review.incidentId, to: 'channel', event: 'paused' }, now);
}

function refuseEarlyClose(deps: ReviewDeps, incidentId: string): void {
  const refusal = closeRefusal(deps.reviews.get(incidentId), deps.reviewPolicy.requiredToClose);
  if (refusal) throw new WardenError('refused_transition', refusal);
}

export function record(deps: ReviewDeps, incidentId: string, actor: string, at: Date, action: string, text: string, data: Record<string, unknown>): void {
  recordChange(deps.store, { incidentId, actor, at, kind: 'review', action, text, data });
}
