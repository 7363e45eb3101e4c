import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/define-job.js';
import { LEGACY_FAN_OUT_KINDS } from '../app/outbox.js';
import type { AppDeps } from '../app/deps.js';
import { INCIDENT_FLAGS } from '../domain/incident-model.js';

/**
 * Versions before domain events queued one fan-out job per change; after an upgrade, any still pending is
 * handed to today's subscribers, in a transaction, so a checklist or regime suggestion is never lost.
 * A status/severity/role fan-out carried no before/after, so its event reports the incident as it is now.
 */
export function legacyFanOutJobs(deps: AppDeps) {
  const inTransaction = (fn: () => void) => deps.store.transaction(fn);
  const current = (incidentId: string) => deps.store.incidents.get(incidentId);
  return [
    defineJob({
      kind: LEGACY_FAN_OUT_KINDS.declared,
      payload: z.object({ incidentId: z.string() }),
      run: ({ incidentId }) => inTransaction(() => deps.events.publish('incident.declared', { incidentId, by: current(incidentId)?.declaredBy ?? 'warden', flags: current(incidentId)?.flags ?? [] })),
    }),
    defineJob({
      kind: LEGACY_FAN_OUT_KINDS.flagsChanged,
      payload: z.object({ incidentId: z.string(), before: z.array(z.enum(INCIDENT_FLAGS)), after: z.array(z.enum(INCIDENT_FLAGS)), by: z.string() }),
      run: (change) => inTransaction(() => deps.events.publish('incident.flags_changed', change)),
    }),
    defineJob({
      kind: LEGACY_FAN_OUT_KINDS.changed,
      payload: z.object({ incidentId: z.string(), change: z.enum(['status', 'severity', 'role']) }),
      run: ({ incidentId, change }) =>
        inTransaction(() => {
          const incident = current(incidentId);
          if (!incident) return;
          if (change === 'status') deps.events.publish('incident.status_changed', { incidentId, from: incident.status, to: incident.status, by: 'warden' });
          else if (change === 'severity') deps.events.publish('incident.severity_changed', { incidentId, from: incident.severity, to: incident.severity, by: 'warden' });
          else deps.events.publish('incident.role_assigned', { incidentId, role: 'commander', userId: incident.roles.commander ?? incident.declaredBy, by: 'warden' });
        }),
    }),
  ];
}
