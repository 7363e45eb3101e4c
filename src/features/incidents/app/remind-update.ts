import { commanderOf } from '../domain/incident.js';
import { isActive } from '../domain/lifecycle.js';
import type { AppDeps } from './deps.js';
import { enqueuePost } from './outbox.js';
import { enqueueNextReminder } from './reminders.js';

/**
 * Runs when an update reminder falls due: reminds the commander in the channel ("reminder 2 of 3"; the last
 * one says no more follow until the next update) and schedules the next one, if the cap leaves one. Does
 * nothing for an incident no longer active (its reminders were cancelled; this is a guard), nor past a cap
 * lowered since the reminder was queued.
 */
export function remindUpdate(deps: AppDeps, incidentId: string, number = 1): void {
  const { store } = deps;
  store.transaction(() => {
    const incident = store.incidents.get(incidentId);
    if (!incident || !isActive(incident.status)) return;
    const max = deps.policy.updateReminders(incident.severity).maxPerUpdate;
    if (number > max) return;
    const now = deps.clock.now();
    const last = incident.lastUpdateAt ?? incident.declaredAt;
    enqueuePost(store, now, incident.id, { type: 'update_reminder', commander: commanderOf(incident), overdueMs: now.getTime() - last.getTime(), number, max });
    enqueueNextReminder(deps, incident, now, number);
  });
}
