import { recordChange, type IncidentStore } from '../../incidents/index.js';
import { changeLine, changeOfEventType, PAGE_STATUS_AFTER, type PdChange } from '../domain/pd-incident.js';
import { isWardenDedupKey, type PdIncidentFacts, type WebhookEvent } from '../domain/webhook-event.js';
import type { InboundRecords } from './inbound-records.js';
import { enqueueAnnouncement, enqueueAnnouncementRefresh, enqueueChangePost } from './inbound-jobs.js';
import type { PageRecords } from './page-records.js';

/** The ports the webhook's use cases need; the route builds them from the feature's repositories. */
export interface InboundDeps {
  store: IncidentStore;
  pages: PageRecords;
  inbound: InboundRecords;
}

/** What a delivery did: for the route's answer and its log line. */
export type WebhookOutcome = 'replayed' | 'ignored' | 'announced' | 'recorded' | 'own_change' | 'unchanged';

/**
 * Applies one verified, fresh delivery in one transaction: records its event id (a redelivery or a replay stops
 * there), then stores and announces an incident Warden did not start, or shows a change on the Warden incident
 * it is linked to. Every Slack post is a durable job queued in the same transaction.
 */
export function applyWebhook(deps: InboundDeps, event: WebhookEvent, now: Date): WebhookOutcome {
  return deps.store.transaction(() => {
    if (!deps.inbound.recordDelivery(event.id, event.type, now)) return 'replayed';
    const incident = event.incident;
    if (!incident) return 'ignored';
    if (event.type === 'incident.triggered') return triggered(deps, incident, now);
    const change = changeOfEventType(event.type);
    if (!change) return 'ignored';
    return isWardenDedupKey(incident.dedupKey) ? onWardenPage(deps, event, incident, change, now) : onExternal(deps, event, incident, change, now);
  });
}

function triggered(deps: InboundDeps, incident: PdIncidentFacts, now: Date): WebhookOutcome {
  if (isWardenDedupKey(incident.dedupKey)) {
    // Warden's own page opened it: remember PagerDuty's id, announce nothing (the incident already exists).
    if (deps.pages.byDedupKey(incident.dedupKey)) deps.pages.linkPdIncident(incident.dedupKey, incident.id);
    return 'ignored';
  }
  if (!deps.inbound.insertIncident(incident, now)) return 'unchanged';
  enqueueAnnouncement(deps.store, now, incident.id);
  return 'announced';
}

/**
 * A change on an incident Warden's page opened. Warden sets the page's status before it sends an acknowledge or
 * resolve, so a change that finds the page already in that state is Warden's own coming back: nothing is shown.
 */
function onWardenPage(deps: InboundDeps, event: WebhookEvent, incident: PdIncidentFacts, change: PdChange, now: Date): WebhookOutcome {
  const key = incident.dedupKey as string;
  const page = deps.pages.byDedupKey(key);
  if (!page) return 'ignored';
  if (!page.pdIncidentId) deps.pages.linkPdIncident(key, incident.id);
  const after = PAGE_STATUS_AFTER[change];
  if (after && (page.status === after || (page.status === 'resolved' && after !== 'triggered'))) return 'own_change';
  if (after) deps.pages.setStatus(key, after, now);
  return show(deps, event, incident, change, page.incidentId, now);
}

/** A change on an incident Warden did not start: shown on the Warden incident once one was declared from it. */
function onExternal(deps: InboundDeps, event: WebhookEvent, incident: PdIncidentFacts, change: PdChange, now: Date): WebhookOutcome {
  const stored = deps.inbound.getIncident(incident.id);
  if (!stored) {
    // Seen first through a later event (the subscription started after the trigger): kept, not announced.
    deps.inbound.insertIncident(incident, now);
    return 'ignored';
  }
  if (change !== 'reassigned' && stored.status === incident.status) return 'unchanged';
  deps.inbound.setStatus(incident.id, incident.status, now);
  // The announcement shows the state too (a resolved one no longer invites a declaration).
  enqueueAnnouncementRefresh(deps.store, now, incident.id, event.id);
  return stored.incidentId ? show(deps, event, incident, change, stored.incidentId, now) : 'recorded';
}

/** One timeline and audit entry, and one post in the incident channel. */
function show(deps: InboundDeps, event: WebhookEvent, incident: PdIncidentFacts, change: PdChange, incidentId: string, now: Date): WebhookOutcome {
  const recorded = recordChange(deps.store, {
    incidentId,
    actor: 'pagerduty',
    at: now,
    kind: 'page',
    action: `pagerduty.${change}`,
    text: changeLine(change, event.agentName, incident.assignees),
    data: { pdIncidentId: incident.id, eventId: event.id, agent: event.agentName, occurredAt: event.occurredAt.toISOString() },
    sourceKey: `pagerduty:${event.id}`,
  });
  if (!recorded) return 'unchanged';
  enqueueChangePost(deps.store, now, event.id, { incidentId, pdIncidentId: incident.id, change, agent: event.agentName, assignees: incident.assignees, htmlUrl: incident.htmlUrl });
  return 'recorded';
}
