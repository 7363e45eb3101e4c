import { z } from 'zod';
import { plannedReminders } from '../../../platform/calendar/follow-up.js';
import { enqueueHomeRefresh, recordChange } from '../../incidents/index.js';
import { ACTION_JOB_KINDS, type ActionDeps } from './deps.js';
import { queueNext, stillCurrent } from './follow-up.js';

export const remindPayload = z.object({ incidentId: z.string(), id: z.string(), n: z.number().int().min(0), since: z.string() });
export type RemindPayload = z.infer<typeof remindPayload>;

/** What the owner's DM says: which reminder of how many, and whether it is before, at or after the due time. */
export const dmPayload = remindPayload.extend({ total: z.number().int(), kind: z.enum(['before', 'due', 'overdue']) });
export type DmPayload = z.infer<typeof dmPayload>;

export const escalatePayload = z.object({ incidentId: z.string(), id: z.string(), since: z.string() });
export const escalationPostPayload = z.object({ incidentId: z.string(), id: z.string(), channel: z.string() });

/**
 * Reminder `n` of an item's plan: queues the DM (once, by its key) and the next reminder, in one transaction.
 * Nothing happens for an item done since, or for a plan restarted since (a new due date or owner), or when
 * this reminder was already handled (a retry after a crash): the stored next number has moved on.
 */
export function remindAction(deps: ActionDeps, p: RemindPayload): void {
  deps.store.transaction(() => {
    const item = deps.actions.get(p.incidentId, p.id);
    if (!stillCurrent(item, p.since) || item.nextReminder !== p.n) return;
    const reminder = plannedReminders(item.dueAt, item.planSince, deps.followUp)[p.n];
    if (!reminder) return;
    const now = deps.clock.now();
    const total = plannedReminders(item.dueAt, item.planSince, deps.followUp).length;
    const dm: DmPayload = { ...p, total, kind: reminder.kind };
    deps.store.jobs.enqueue({ kind: ACTION_JOB_KINDS.dm, dueAt: now, payload: dm, incidentId: p.incidentId, idemKey: `action-dm:${p.incidentId}:${p.id}:${p.n}:${p.since}` }, now);
    queueNext(deps, item, p.n + 1, now);
    // Overdue is marked in App Home: the owner's view changes at the due time.
    if (reminder.kind !== 'before') enqueueHomeRefresh(deps.store, now, p.incidentId, [item.owner]);
  });
}

/** An item still open after `escalateAfter`: the managers' channel is told once per item (never again, whatever changes after). */
export function escalateAction(deps: ActionDeps, p: z.infer<typeof escalatePayload>): void {
  deps.store.transaction(() => {
    const item = deps.actions.get(p.incidentId, p.id);
    const channel = deps.managersChannel;
    if (!stillCurrent(item, p.since) || item.escalatedAt || !channel) return;
    const now = deps.clock.now();
    deps.actions.update(item.incidentId, item.id, { escalatedAt: now });
    recordChange(deps.store, {
      incidentId: item.incidentId,
      actor: 'warden',
      at: now,
      kind: 'action_item',
      action: 'action_item.escalated',
      text: `Action item ${item.id} is overdue; escalated to the managers' channel`,
      data: { id: item.id, owner: item.owner, dueAt: item.dueAt.toISOString() },
    });
    const payload = { incidentId: item.incidentId, id: item.id, channel };
    deps.store.jobs.enqueue({ kind: ACTION_JOB_KINDS.escalationPost, dueAt: now, payload, incidentId: item.incidentId, idemKey: `action-escalation:${item.incidentId}:${item.id}` }, now);
  });
}
