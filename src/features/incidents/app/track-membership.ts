import type { AppDeps } from './deps.js';
import { enqueueHomeRefresh } from './outbox.js';

/**
 * Slack reported a person joining an incident's channel: from now they are a member, and see a private
 * incident in their list and App Home (refreshed at once when it is private).
 */
export function memberJoined(deps: AppDeps, incidentId: string, userId: string): void {
  const { store } = deps;
  store.transaction(() => {
    const now = deps.clock.now();
    const wasMember = store.incidents.isMember(incidentId, userId);
    store.incidents.addMember(incidentId, userId, now);
    if (!wasMember && store.incidents.get(incidentId)?.private) enqueueHomeRefresh(store, now, incidentId, [userId]);
  });
}

/** Slack reported a person leaving an incident's channel: they are no longer a member, so a private incident leaves their views. */
export function memberLeft(deps: AppDeps, incidentId: string, userId: string): void {
  const { store } = deps;
  store.transaction(() => {
    const wasMember = store.incidents.isMember(incidentId, userId);
    store.incidents.removeMember(incidentId, userId);
    if (wasMember && store.incidents.get(incidentId)?.private) enqueueHomeRefresh(store, deps.clock.now(), incidentId, [userId]);
  });
}
