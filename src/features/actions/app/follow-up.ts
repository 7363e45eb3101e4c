import { escalationAt, nextStep, type NextReminder } from '../../../platform/calendar/follow-up.js';
import type { ActionItem } from '../domain/action-item.js';
import { ACTION_JOB_KINDS, type ActionDeps } from './deps.js';

const planKey = (item: ActionItem) => `${item.incidentId}:${item.id}`;
const since = (item: ActionItem) => item.planSince.toISOString();

/**
 * Starts the item's reminder plan (counted from `item.planSince`): stores the number of the first reminder
 * still to come and queues it, and queues the escalation. Call it in the transaction that set the due time or owner.
 */
export function startFollowUp(deps: ActionDeps, item: ActionItem, now: Date): void {
  queueNext(deps, item, 0, now);
  const at = escalationAt(item.dueAt, deps.followUp);
  if (!at || !deps.managersChannel || item.escalatedAt) return;
  const payload = { incidentId: item.incidentId, id: item.id, since: since(item) };
  deps.store.jobs.enqueue({ kind: ACTION_JOB_KINDS.escalate, dueAt: at, payload, incidentId: item.incidentId, idemKey: `action-escalate:${planKey(item)}:${since(item)}` }, now);
}

/** Stores and queues the first reminder from plan number `from` that goes out after `now` (none: the plan is spent). */
export function queueNext(deps: ActionDeps, item: ActionItem, from: number, now: Date): NextReminder | null {
  const { n, next } = nextStep(item.dueAt, item.planSince, from, now, deps.followUp);
  deps.actions.update(item.incidentId, item.id, { nextReminder: n });
  if (!next) return null;
  const payload = { incidentId: item.incidentId, id: item.id, n, since: since(item) };
  // The key names the plan and the reminder: the same reminder is never queued twice, whatever retries.
  deps.store.jobs.enqueue({ kind: ACTION_JOB_KINDS.remind, dueAt: next.at, payload, incidentId: item.incidentId, idemKey: `action-remind:${planKey(item)}:${n}:${since(item)}` }, now);
  return next;
}

/** True when a job of the plan started at `planSince` still belongs to the item (open, same plan). */
export const stillCurrent = (item: ActionItem | null, planSince: string): item is ActionItem => !!item && item.status === 'open' && item.planSince.toISOString() === planSince;
