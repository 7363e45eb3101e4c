import type { PdIncidentRecord } from '../domain/pd-incident.js';
import type { PdIncidentFacts } from '../domain/webhook-event.js';

/** The webhook's own tables: deliveries applied, and PagerDuty incidents Warden did not start. */
export interface InboundRecords {
  /** Records a delivery by its event id; false when it was applied before (a redelivery or a replay). */
  recordDelivery(eventId: string, eventType: string, at: Date): boolean;
  getIncident(pdIncidentId: string): PdIncidentRecord | null;
  linkedTo(incidentId: string): PdIncidentRecord[];
  /** Stores a PagerDuty incident first seen; false when it is already stored (nothing changes then). */
  insertIncident(facts: PdIncidentFacts, at: Date): boolean;
  setStatus(pdIncidentId: string, status: PdIncidentFacts['status'], at: Date): void;
  /** Links it to the Warden incident declared from it; false when it was already linked. */
  link(pdIncidentId: string, incidentId: string, at: Date): boolean;
  setAnnouncement(pdIncidentId: string, channel: string, ts: string): void;
}
