import { WardenError } from '../../../platform/errors.js';
import { enqueuePost, recordChange, refuseIfClosed, requireIncident, type Actor, type Incident } from '../../incidents/index.js';
import { dedupKeyOf, type Page } from '../domain/page.js';
import { DEFAULT_SERVICE, type PagingService } from '../domain/policy.js';
import { PAGING_JOB_KINDS, type PagingDeps } from './deps.js';

export type PageOutcome = { kind: 'queued'; page: Page } | { kind: 'already'; page: Page } | { kind: 'drill'; service: string };

/** The configured service by name. @throws WardenError('bad_input') naming the services there are, or the unset variable. */
export function requireService(deps: PagingDeps, name: string): PagingService & { routingKey: string } {
  const service = deps.paging.services[name];
  if (!service) throw new WardenError('bad_input', `No PagerDuty service \`${name.slice(0, 40)}\`. Configured: ${Object.keys(deps.paging.services).join(', ')} (warden.yaml \`paging.services\`).`);
  if (!deps.pagerDuty || !service.routingKey) throw new WardenError('bad_input', `PagerDuty is not set up for \`${service.name}\`: set ${service.routingKeyEnv} (the service's Events API v2 routing key).`);
  return service as PagingService & { routingKey: string };
}

/**
 * Pages a service for an incident through the durable queue: declaring or typing `/incident page` never waits on
 * PagerDuty. One page per incident and service (its dedup key is derived), so a retry, a restart or a second
 * `page` never pages twice; a page resolved earlier is triggered again. A drill pages nobody and says so.
 */
export function requestPage(deps: PagingDeps, actor: Actor, incidentId: string, serviceName = DEFAULT_SERVICE, message = ''): PageOutcome {
  const { store } = deps;
  return store.transaction(() => {
    const incident = requireIncident(store, incidentId);
    refuseIfClosed(incident, 'nobody can be paged for it.');
    const service = requireService(deps, serviceName);
    const now = deps.clock.now();
    if (incident.drill) return drillPage(deps, actor, incident, service.name, now);
    const dedupKey = dedupKeyOf(incident.id, service.name);
    const existing = deps.pages.get(incident.id, service.name);
    if (existing && existing.status !== 'resolved') return { kind: 'already', page: existing } as const;
    if (existing) deps.pages.setStatus(dedupKey, 'queued', now);
    else deps.pages.insert({ incidentId: incident.id, service: service.name, dedupKey, message, requestedBy: actor.userId, requestedAt: now });
    recordChange(store, { incidentId: incident.id, actor: actor.userId, at: now, kind: 'page', action: 'paging.requested', text: `Paged ${service.name}${message ? `: ${message}` : ''}`, data: { service: service.name, dedupKey } });
    enqueueSync(deps, incident.id, dedupKey, now);
    store.jobs.enqueue({ kind: PAGING_JOB_KINDS.lateCheck, dueAt: new Date(now.getTime() + deps.paging.phoneAfterMs), payload: { dedupKey }, incidentId: incident.id }, now);
    return { kind: 'queued', page: deps.pages.byDedupKey(dedupKey) as Page } as const;
  });
}

export function enqueueSync(deps: PagingDeps, incidentId: string, dedupKey: string, now: Date): void {
  deps.store.jobs.enqueue({ kind: PAGING_JOB_KINDS.sync, dueAt: now, payload: { dedupKey }, incidentId }, now);
}

function drillPage(deps: PagingDeps, actor: Actor, incident: Incident, service: string, now: Date): PageOutcome {
  const text = `:performing_arts: Drill: Warden would have paged *${service}* now; nobody was paged.`;
  recordChange(deps.store, { incidentId: incident.id, actor: actor.userId, at: now, kind: 'page', action: 'paging.drill_skipped', text: `Drill: would have paged ${service}`, data: { service } });
  enqueuePost(deps.store, now, incident.id, { type: 'text', text });
  return { kind: 'drill', service };
}
