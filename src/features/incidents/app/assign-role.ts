import { WardenError } from '../../../platform/errors.js';
import type { Incident } from '../domain/incident.js';
import type { IncidentRole } from '../domain/incident-model.js';
import type { Actor, AppDeps } from './deps.js';
import { enqueueCardRefresh, enqueueHomeRefresh, enqueuePost, JOB_KINDS } from './outbox.js';
import { recordChange, requireIncident } from './record.js';
import { refuseIfClosed } from '../domain/lifecycle.js';
import { accessView } from './access-view.js';

/** Gives a role to a person: announced in the channel, and the person gets a DM with the role's duties. */
export function assignRole(deps: AppDeps, actor: Actor, incidentId: string, role: IncidentRole, userId: string): Incident {
  const { store } = deps;
  return store.transaction(() => {
    const incident = requireIncident(store, incidentId);
    refuseIfClosed(incident, 'roles can no longer change.');
    if (incident.roles[role] === userId) throw new WardenError('bad_input', `<@${userId}> is already ${role} of ${incident.id}.`);
    assertMayAssign(deps, actor, incident, role);
    const now = deps.clock.now();
    store.incidents.setRole(incident.id, role, userId, actor.userId, now);
    store.incidents.addMember(incident.id, userId, now);
    recordChange(store, {
      incidentId: incident.id,
      actor: actor.userId,
      at: now,
      kind: 'role_assigned',
      action: 'incident.role_assigned',
      text: `${role}: <@${userId}>`,
      data: { role, userId, previous: incident.roles[role] ?? null },
    });
    enqueuePost(store, now, incident.id, { type: 'role_assigned', role, userId, by: actor.userId });
    store.jobs.enqueue({ kind: JOB_KINDS.dmRole, dueAt: now, payload: { incidentId: incident.id, role, userId }, incidentId: incident.id }, now);
    enqueueHomeRefresh(store, now, incident.id, [userId, incident.roles[role]]);
    enqueueCardRefresh(store, now, incident.id);
    deps.events.publish('incident.role_assigned', { incidentId: incident.id, role, userId, by: actor.userId });
    return requireIncident(store, incident.id);
  });
}

/**
 * A free role may be taken by any member (so the first commander is the declarer or whoever takes it);
 * changing the commander, or a role someone else holds, needs the commander or a Warden admin.
 */
function assertMayAssign(deps: AppDeps, actor: Actor, incident: Incident, role: IncidentRole): void {
  const holder = incident.roles[role];
  if (role === 'commander' && holder) deps.access.require('/incident role:commander', actor.userId, accessView(incident));
  else if (holder && holder !== actor.userId) deps.access.require('/incident role:held', actor.userId, accessView(incident));
}
