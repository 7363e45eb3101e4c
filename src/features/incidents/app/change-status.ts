import type { Incident } from '../domain/incident.js';
import { accessView } from './access-view.js';
import type { IncidentStatus } from '../domain/incident-model.js';
import { moveStatus } from '../domain/lifecycle.js';
import type { Actor, AppDeps } from './deps.js';
import { enqueueCardRefresh, enqueueHomeRefresh, enqueuePost } from './outbox.js';
import { recordChange, requireIncident } from './record.js';
import { cancelResponseJobs, scheduleUpdateReminder } from './reminders.js';

/**
 * Moves an incident to a new status if the transition table allows it. Resolving cancels every
 * response-bound reminder in the same transaction; reopening starts the update cadence again.
 * Closing and reopening need the commander or a Warden admin (the permission table).
 */
export function changeStatus(deps: AppDeps, actor: Actor, incidentId: string, to: IncidentStatus): Incident {
  const { store } = deps;
  return store.transaction(() => {
    const incident = requireIncident(store, incidentId);
    const now = deps.clock.now();
    const { change, patch, events } = moveStatus(incident, to, actor.userId, now);
    if (to === 'closed') deps.access.require('/incident status:close', actor.userId, accessView(incident));
    if (change.reopens) deps.access.require('/incident status:reopen', actor.userId, accessView(incident));
    store.incidents.update(incident.id, patch);
    recordChange(store, {
      incidentId: incident.id,
      actor: actor.userId,
      at: now,
      kind: 'status_changed',
      action: 'incident.status_changed',
      text: `Status ${change.from} → ${to}`,
      data: { from: change.from, to },
    });
    if (change.endsResponse) cancelResponseJobs(deps, incident.id);
    if (change.reopens) scheduleUpdateReminder(deps, incident, now);
    enqueuePost(store, now, incident.id, { type: 'status_changed', from: change.from, to, by: actor.userId }, true);
    enqueueCardRefresh(store, now, incident.id);
    for (const { name, event } of events) deps.events.publish(name, event);
    enqueueHomeRefresh(store, now, incident.id, Object.values(incident.roles));
    return requireIncident(store, incident.id);
  });
}
