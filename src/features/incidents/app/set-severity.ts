import { WardenError } from '../../../platform/errors.js';
import type { Incident } from '../domain/incident.js';
import type { Severity } from '../domain/incident-model.js';
import { isActive } from '../domain/lifecycle.js';
import type { Actor, AppDeps } from './deps.js';
import { enqueueCardRefresh, enqueuePost } from './outbox.js';
import { recordChange, requireIncident } from './record.js';
import { scheduleUpdateReminder } from './reminders.js';
import { refuseIfClosed } from '../domain/lifecycle.js';
import { accessView } from './access-view.js';

/** Changes the severity, announces it, and moves the update reminder to the new cadence. */
export function setSeverity(deps: AppDeps, actor: Actor, incidentId: string, to: Severity): Incident {
  const { store } = deps;
  return store.transaction(() => {
    const incident = requireIncident(store, incidentId);
    if (incident.severity === to) throw new WardenError('bad_input', `${incident.id} is already ${to}.`);
    refuseIfClosed(incident, 'its severity is final.');
    deps.access.require('/incident sev', actor.userId, accessView(incident));
    const now = deps.clock.now();
    store.incidents.update(incident.id, { severity: to });
    recordChange(store, {
      incidentId: incident.id,
      actor: actor.userId,
      at: now,
      kind: 'severity_changed',
      action: 'incident.severity_changed',
      text: `Severity ${incident.severity} → ${to}`,
      data: { from: incident.severity, to },
    });
    if (isActive(incident.status)) scheduleUpdateReminder(deps, { id: incident.id, severity: to }, incident.lastUpdateAt ?? incident.declaredAt);
    enqueuePost(store, now, incident.id, { type: 'severity_changed', from: incident.severity, to, by: actor.userId }, true);
    enqueueCardRefresh(store, now, incident.id);
    deps.events.publish('incident.severity_changed', { incidentId: incident.id, from: incident.severity, to, by: actor.userId });
    return requireIncident(store, incident.id);
  });
}
