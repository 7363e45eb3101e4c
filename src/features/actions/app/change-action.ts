import { WardenError } from '../../../platform/errors.js';
import { recordChange } from '../../incidents/index.js';
import { restartedPlanSince, type ActionItem } from '../domain/action-item.js';
import { parseDue } from '../domain/due-date.js';
import type { ActionDeps } from './deps.js';
import { startFollowUp } from './follow-up.js';
import { reachIncident, refreshHomes, requireChangeRight, requireItem, requireOpen, tellChannel, type ActionPlace } from './reach-incident.js';

/**
 * Gives an open item to someone else. Its owner may; anyone else needs the commander or a Warden admin. The
 * reminder plan starts again for the new owner; the old plan's jobs find themselves stale and send nothing.
 */
export function reassignAction(deps: ActionDeps, place: ActionPlace, id: string, to: string): ActionItem {
  const { store } = deps;
  return store.transaction(() => {
    const { incident } = reachIncident(deps, place);
    const item = requireItem(deps, incident, id);
    requireOpen(item);
    requireChangeRight(deps, place.userId, incident, item);
    if (item.owner === to) throw new WardenError('bad_input', `<@${to}> already owns ${item.id}; nothing was changed.`);
    const now = deps.clock.now();
    const moved = restart(deps, item, { owner: to }, now);
    recordChange(store, {
      incidentId: incident.id,
      actor: place.userId,
      at: now,
      kind: 'action_item',
      action: 'action_item.reassigned',
      text: `Action item ${item.id} reassigned from <@${item.owner}> to <@${to}>`,
      data: { id: item.id, from: item.owner, to },
    });
    tellChannel(deps, incident, now, deps.lines.reassigned(moved, item.owner, place.userId));
    refreshHomes(deps, incident, now, [item.owner, to]);
    return moved;
  });
}

/** Moves an open item's due time; the reminder plan starts again from now. @throws WardenError('bad_input') for a due time unreadable or not in the future. */
export function changeActionDue(deps: ActionDeps, place: ActionPlace, id: string, dueText: string): ActionItem {
  const { store } = deps;
  return store.transaction(() => {
    const { incident } = reachIncident(deps, place);
    const item = requireItem(deps, incident, id);
    requireOpen(item);
    requireChangeRight(deps, place.userId, incident, item);
    const now = deps.clock.now();
    const due = parseDue(dueText, now, deps.followUp.calendar.zone);
    if (!due.ok) throw new WardenError('bad_input', due.reason);
    const moved = restart(deps, item, { dueAt: due.at }, now);
    recordChange(store, {
      incidentId: incident.id,
      actor: place.userId,
      at: now,
      kind: 'action_item',
      action: 'action_item.due_changed',
      text: `Action item ${item.id} now due ${due.at.toISOString()} (was ${item.dueAt.toISOString()})`,
      data: { id: item.id, from: item.dueAt.toISOString(), to: due.at.toISOString() },
    });
    refreshHomes(deps, incident, now, [item.owner]);
    return moved;
  });
}

/** A new owner or due time: the plan counts again from now, from its first reminder. */
function restart(deps: ActionDeps, item: ActionItem, patch: Pick<Partial<ActionItem>, 'owner' | 'dueAt'>, now: Date): ActionItem {
  const planSince = restartedPlanSince(item.planSince, now);
  deps.actions.update(item.incidentId, item.id, { ...patch, planSince, nextReminder: 0 });
  const restarted = deps.actions.get(item.incidentId, item.id) as ActionItem;
  startFollowUp(deps, restarted, now);
  return deps.actions.get(item.incidentId, item.id) as ActionItem;
}
