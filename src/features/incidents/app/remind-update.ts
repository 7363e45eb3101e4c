import { commanderOf } from '../domain/incident.js';
import { isActive } from '../domain/lifecycle.js';
import type { AppDeps } from './deps.js';
import { enqueuePost } from './outbox.js';
import { enqueueNextReminder } from './reminders.js';

/**
 * Runs when an update reminder falls due: reminds the commander in the channel and schedules the next
 * one. Does nothing for an incident no longer active (its reminders were cancelled; this is a guard).
 */
export function remindUpdate(deps: AppDeps, incidentId: string): void {
  const { store } = deps;
  store.transaction(() => {
    const incident = store.incidents.get(incidentId);
    if (!incident || !isActive(incident.status)) return;
    const now = deps.clock.now();
    const last = incident.lastUpdateAt ?? incident.declaredAt;
    enqueuePost(store, now, incident.id, { type: 'update_reminder', commander: commanderOf(incident), overdueMs: now.getTime() - last.getTime() });
    enqueueNextReminder(deps, incident, now);
  });
}
