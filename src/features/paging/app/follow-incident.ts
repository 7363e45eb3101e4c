import { requireIncident } from '../../incidents/index.js';
import type { DomainEvents } from '../../../platform/events.js';
import type { PageStatus } from '../domain/page.js';
import { PAGING_JOB_KINDS, type PagingDeps } from './deps.js';
import { enqueueSync, requestPage } from './request-page.js';

/**
 * Pages follow the incident: a severity in a service's `pageOn` pages it on declare; a commander taking
 * the role acknowledges (configurable); resolving resolves; reopening triggers again. Each subscriber runs in
 * the transaction that changed the incident and only queues work: PagerDuty is never waited on.
 */
export function onDeclared(deps: PagingDeps, e: DomainEvents['incident.declared']): void {
  // Declared from a PagerDuty incident: the on-call is already paged there; a page of our own would open a second one.
  if (e.origin) return;
  // Without PagerDuty, or without a service it could page, the incident is not read at all (every declare runs this).
  const services = Object.values(deps.paging.services).filter((s) => s.routingKey);
  if (!deps.pagerDuty || services.length === 0) return;
  const incident = requireIncident(deps.store, e.incidentId);
  for (const service of services) {
    if (service.pageOn.includes(incident.severity)) requestPage(deps, { userId: e.by }, incident.id, service.name);
  }
}

export function onRoleAssigned(deps: PagingDeps, e: DomainEvents['incident.role_assigned']): void {
  if (e.role !== 'commander' || !deps.paging.acknowledgeOnCommander) return;
  moveLivePages(deps, e.incidentId, (s) => s === 'queued' || s === 'triggered', 'acknowledged');
  moveLinkedIncidents(deps, e.incidentId, 'acknowledged');
}

export function onStatusChanged(deps: PagingDeps, e: DomainEvents['incident.status_changed']): void {
  if (e.to === 'resolved' || e.to === 'closed') {
    moveLivePages(deps, e.incidentId, (s) => s !== 'resolved', 'resolved');
    moveLinkedIncidents(deps, e.incidentId, 'resolved');
  }
  else if (e.from === 'resolved') moveLivePages(deps, e.incidentId, (s) => s === 'resolved', 'queued');
}

function moveLivePages(deps: PagingDeps, incidentId: string, from: (s: PageStatus) => boolean, to: PageStatus): void {
  const now = deps.clock.now();
  for (const page of deps.pages.forIncident(incidentId).filter((p) => from(p.status))) {
    // The status is set before the event goes out, so PagerDuty's webhook echoing it back is recognised as Warden's own.
    deps.pages.setStatus(page.dedupKey, to, now);
    enqueueSync(deps, incidentId, page.dedupKey, now);
  }
}

/**
 * The PagerDuty incident a Warden incident was declared from follows it too (acknowledged, resolved). Its stored
 * status moves first, so the webhook echoing the change back is recognised as Warden's own and posts nothing.
 */
function moveLinkedIncidents(deps: PagingDeps, incidentId: string, to: 'acknowledged' | 'resolved'): void {
  const now = deps.clock.now();
  for (const pd of deps.inbound.linkedTo(incidentId).filter((p) => p.status !== 'resolved' && p.status !== to)) {
    deps.inbound.setStatus(pd.pdIncidentId, to, now);
    const payload = { pdIncidentId: pd.pdIncidentId, status: to };
    deps.store.jobs.enqueue({ kind: PAGING_JOB_KINDS.updateIncident, dueAt: now, payload, idemKey: `pd-update:${pd.pdIncidentId}:${to}`, incidentId }, now);
  }
}
