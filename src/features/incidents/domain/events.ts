import type { Incident } from './incident.js';
import type { IncidentFlag, IncidentRole, IncidentStatus, Severity } from './incident-model.js';

/** Where a declaration came from, when it answered something outside Warden (a PagerDuty incident's Declare button). */
export interface DeclareOrigin {
  pagerDutyIncidentId: string;
}

/** What the incident core announces; other features subscribe in their `on` (inside the same transaction). */
declare module '../../../platform/events.js' {
  interface DomainEvents {
    /** `flags` as declared: a subscriber that acts on them needs no read of the incident. */
    'incident.declared': { incidentId: string; by: string; flags: IncidentFlag[]; origin?: DeclareOrigin };
    'incident.status_changed': { incidentId: string; from: IncidentStatus; to: IncidentStatus; by: string };
    'incident.severity_changed': { incidentId: string; from: Severity; to: Severity; by: string };
    'incident.role_assigned': { incidentId: string; role: IncidentRole; userId: string; by: string };
    'incident.flags_changed': { incidentId: string; before: IncidentFlag[]; after: IncidentFlag[]; by: string };
    'incident.visibility_changed': { incidentId: string; from: 'public' | 'private'; to: 'public' | 'private'; by: string };
  }
}

/** What a feature's declare note is given (platform/feature.ts): the incident as declared. */
declare module '../../../platform/feature.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the incident's own fields, merged in
  interface DeclaredIncident extends Incident {}
}
