import { WardenError } from '../../../platform/errors.js';
import { recordChange } from '../../incidents/index.js';
import { evidenceRefusal, type ActionItem } from '../domain/action-item.js';
import type { ActionDeps } from './deps.js';
import { reachIncident, refreshHomes, requireChangeRight, requireItem, requireOpen, tellChannel, type ActionPlace } from './reach-incident.js';

/**
 * Marks an item done, with optional evidence (a link, a ticket). Its owner may; anyone else needs the
 * incident's commander or a Warden admin. Its pending reminders and escalation find it done and send nothing.
 * @throws WardenError for an unknown id, an item already done or overlong evidence; AccessDenied for someone else's item.
 */
export function completeAction(deps: ActionDeps, place: ActionPlace, id: string, evidence: string): ActionItem {
  const { store } = deps;
  return store.transaction(() => {
    const { incident } = reachIncident(deps, place);
    const item = requireItem(deps, incident, id);
    requireOpen(item);
    requireChangeRight(deps, place.userId, incident, item);
    const problem = evidenceRefusal(evidence);
    if (problem) throw new WardenError('bad_input', problem);
    const now = deps.clock.now();
    deps.actions.update(incident.id, item.id, { status: 'done', doneBy: place.userId, doneAt: now, evidence: evidence.trim() || null });
    recordChange(store, {
      incidentId: incident.id,
      actor: place.userId,
      at: now,
      kind: 'action_item',
      action: 'action_item.done',
      text: `Action item ${item.id} done${evidence.trim() ? `: ${evidence.trim()}` : ''}`,
      data: { id: item.id, owner: item.owner, evidence: evidence.trim() || null },
    });
    const done = deps.actions.get(incident.id, item.id) as ActionItem;
    tellChannel(deps, incident, now, deps.lines.done(done, place.userId));
    refreshHomes(deps, incident, now, [item.owner]);
    return done;
  });
}
