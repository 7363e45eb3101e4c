import { localDateTime } from '../../../platform/calendar/working-days.js';
import { WardenError } from '../../../platform/errors.js';
import type { ActionItem } from '../domain/action-item.js';
import { newPlanSince } from '../../../platform/calendar/follow-up.js';
import { parseDue } from '../domain/due-date.js';
import type { ActionDeps } from './deps.js';
import { startFollowUp } from './follow-up.js';
import { changeOpenItem, refreshHomes, tellChannel, type ActionPlace } from './reach-incident.js';

/**
 * Gives an open item to someone else. Its owner may; anyone else needs the commander or a Warden admin. The
 * reminder plan starts again for the new owner; the old plan's jobs find themselves stale and send nothing.
 */
export function reassignAction(deps: ActionDeps, place: ActionPlace, id: string, to: string): ActionItem {
  return changeOpenItem(deps, place, id, ({ incident, item, now }) => {
    if (item.owner === to) throw new WardenError('bad_input', `<@${to}> already owns ${item.id}; nothing was changed.`);
    const moved = restart(deps, item, { owner: to }, now);
    tellChannel(deps, incident, now, deps.lines.reassigned(moved, item.owner, place.userId));
    refreshHomes(deps, incident, now, [item.owner, to]);
    const text = `Action item ${item.id} reassigned from <@${item.owner}> to <@${to}>`;
    return { result: moved, record: { action: 'action_item.reassigned', text, data: { id: item.id, from: item.owner, to } } };
  });
}

/** Moves an open item's due time; the reminder plan starts again from now. @throws WardenError('bad_input') for a due time unreadable or not in the future. */
export function changeActionDue(deps: ActionDeps, place: ActionPlace, id: string, dueText: string): ActionItem {
  return changeOpenItem(deps, place, id, ({ incident, item, now }) => {
    const due = parseDue(dueText, now, deps.followUp.calendar.zone);
    if (!due.ok) throw new WardenError('bad_input', due.reason);
    const moved = restart(deps, item, { dueAt: due.at }, now);
    refreshHomes(deps, incident, now, [item.owner]);
    const [from, to] = [item.dueAt.toISOString(), due.at.toISOString()];
    const zone = deps.followUp.calendar.zone;
    return { result: moved, record: { action: 'action_item.due_changed', text: `Action item ${item.id} now due ${localDateTime(due.at, zone)} (was ${localDateTime(item.dueAt, zone)}, ${zone})`, data: { id: item.id, from, to } } };
  });
}

/** A new owner or due time: the plan counts again from now, from its first reminder. */
function restart(deps: ActionDeps, item: ActionItem, patch: Pick<Partial<ActionItem>, 'owner' | 'dueAt'>, now: Date): ActionItem {
  const planSince = newPlanSince(item.planSince, now);
  deps.actions.update(item.incidentId, item.id, { ...patch, planSince, nextReminder: 0 });
  const restarted = deps.actions.get(item.incidentId, item.id) as ActionItem;
  startFollowUp(deps, restarted, now);
  return deps.actions.get(item.incidentId, item.id) as ActionItem;
}
