import { enqueuePost } from '../../incidents/index.js';
import type { PagingDeps } from './deps.js';

/**
 * The `pagerduty.update_incident` job: tells PagerDuty that the incident it opened is acknowledged or resolved in
 * Warden. Without `paging.fromEmail` (PagerDuty needs a user to act as), the channel is told to do it in PagerDuty.
 */
export async function updatePdIncident(deps: PagingDeps, incidentId: string, pdIncidentId: string, status: 'acknowledged' | 'resolved'): Promise<void> {
  if (!deps.pagerDuty) return;
  const from = deps.paging.fromEmail;
  if (!from) {
    const text = `:information_source: Warden cannot mark PagerDuty incident ${pdIncidentId} ${status}: set \`paging.fromEmail\` (a PagerDuty user Warden acts as). Do it in PagerDuty for now.`;
    deps.store.transaction(() => enqueuePost(deps.store, deps.clock.now(), incidentId, { type: 'text', text }, false, `pd-nofrom:${pdIncidentId}:${status}`));
    return;
  }
  await deps.pagerDuty.setIncidentStatus(pdIncidentId, status, from);
}
