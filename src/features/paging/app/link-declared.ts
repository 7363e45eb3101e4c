import { recordChange, type IncidentStore } from '../../incidents/index.js';
import type { InboundRecords } from './inbound-records.js';
import { enqueueAnnouncementRefresh } from './inbound-jobs.js';

/**
 * Subscriber to `incident.declared`: a declaration made from a PagerDuty incident's Declare button links the two
 * (once: a second declaration from the same button links nothing) and redraws the announcement to say so.
 * Runs inside the declaring transaction.
 */
export function linkDeclared(deps: { store: IncidentStore; inbound: InboundRecords }, event: { incidentId: string; by: string; origin?: { pagerDutyIncidentId: string } }, now: Date): void {
  const pdIncidentId = event.origin?.pagerDutyIncidentId;
  if (!pdIncidentId) return;
  const pd = deps.inbound.getIncident(pdIncidentId);
  if (!pd || !deps.inbound.link(pdIncidentId, event.incidentId, now)) return;
  recordChange(deps.store, {
    incidentId: event.incidentId,
    actor: event.by,
    at: now,
    kind: 'page',
    action: 'pagerduty.linked',
    text: `Declared from PagerDuty incident ${pdIncidentId} (${pd.status}): ${pd.title}`,
    data: { pdIncidentId, htmlUrl: pd.htmlUrl },
  });
  enqueueAnnouncementRefresh(deps.store, now, pdIncidentId, `declared:${event.incidentId}`);
}
