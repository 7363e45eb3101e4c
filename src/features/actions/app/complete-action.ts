import { WardenError } from '../../../platform/errors.js';
import { evidenceRefusal, type ActionItem } from '../domain/action-item.js';
import type { ActionDeps } from './deps.js';
import { changeOpenItem, refreshHomes, tellChannel, type ActionPlace } from './reach-incident.js';

/**
 * Marks an item done, with optional evidence (a link, a ticket). Its owner may; anyone else needs the
 * incident's commander or a Warden admin. Its pending reminders and escalation find it done and send nothing.
 * @throws WardenError for an unknown id, an item already done or overlong evidence; AccessDenied for someone else's item.
 */
export function completeAction(deps: ActionDeps, place: ActionPlace, id: string, evidence: string): ActionItem {
  return changeOpenItem(deps, place, id, ({ incident, item, now }) => {
    const problem = evidenceRefusal(evidence);
    if (problem) throw new WardenError('bad_input', problem);
    const proof = evidence.trim() || null;
    deps.actions.update(incident.id, item.id, { status: 'done', doneBy: place.userId, doneAt: now, evidence: proof });
    const done = deps.actions.get(incident.id, item.id) as ActionItem;
    tellChannel(deps, incident, now, deps.lines.done(done, place.userId));
    refreshHomes(deps, incident, now, [item.owner]);
    const text = `Action item ${item.id} done${proof ? `: ${proof}` : ''}`;
    return { result: done, record: { action: 'action_item.done', text, data: { id: item.id, owner: item.owner, evidence: proof } } };
  });
}
