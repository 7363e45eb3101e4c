import { localDateTime } from '../../../platform/calendar/working-days.js';
import { WardenError } from '../../../platform/errors.js';
import { accessViewOf, recordChange } from '../../incidents/index.js';
import { nextActionId, textRefusal, type ActionItem } from '../domain/action-item.js';
import { parseDue } from '../domain/due-date.js';
import type { ActionDeps } from './deps.js';
import { startFollowUp } from './follow-up.js';
import { reachIncident, refreshHomes, tellChannel, type ActionPlace } from './reach-incident.js';

export interface NewAction {
  owner: string;
  /** The due time as typed (`2026-12-15`, `+3d` ...), read in the company's zone. */
  due: string;
  text: string;
}

/**
 * Adds an action item to an incident, in any status (follow-ups are often added at the review, after close):
 * the next id, its reminder plan and escalation, the timeline and audit entries, a line in the channel and
 * the owner's App Home, in one transaction. Typed outside the incident's channel, it needs a member of it.
 * @throws WardenError('bad_input') for an empty or overlong text or a due time unreadable or not in the future.
 */
export function addAction(deps: ActionDeps, place: ActionPlace, input: NewAction): ActionItem {
  const { store } = deps;
  return store.transaction(() => {
    const { incident, inChannel } = reachIncident(deps, place);
    if (!inChannel) deps.access.require('/incident action', place.userId, accessViewOf(incident, store.incidents.isMember(incident.id, place.userId)));
    const textProblem = textRefusal(input.text);
    if (textProblem) throw new WardenError('bad_input', textProblem);
    const now = deps.clock.now();
    const due = parseDue(input.due, now, deps.followUp.calendar.zone);
    if (!due.ok) throw new WardenError('bad_input', due.reason);
    const item: ActionItem = {
      incidentId: incident.id,
      id: nextActionId(deps.actions.idsOf(incident.id)),
      text: input.text.trim(),
      owner: input.owner,
      dueAt: due.at,
      status: 'open',
      evidence: null,
      createdBy: place.userId,
      createdAt: now,
      doneBy: null,
      doneAt: null,
      planSince: now,
      nextReminder: 0,
      escalatedAt: null,
    };
    deps.actions.insert(item);
    startFollowUp(deps, item, now);
    recordChange(store, {
      incidentId: incident.id,
      actor: place.userId,
      at: now,
      kind: 'action_item',
      action: 'action_item.added',
      text: `Action item ${item.id} for <@${item.owner}>, due ${localDateTime(item.dueAt, deps.followUp.calendar.zone)} (${deps.followUp.calendar.zone}): ${item.text}`,
      data: { id: item.id, owner: item.owner, dueAt: item.dueAt.toISOString(), text: item.text },
    });
    tellChannel(deps, incident, now, deps.lines.added(item, place.userId));
    refreshHomes(deps, incident, now, [item.owner]);
    return deps.actions.get(incident.id, item.id) as ActionItem;
  });
}
