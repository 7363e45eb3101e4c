import type { PagerDutyEvent } from './pagerduty-event.js';
import type { PagingPolicy } from './policy.js';
import { cutText } from '../../../platform/text.js';

/** PagerDuty cuts a summary at 1,024 characters; Warden cuts it first, never inside a character a person sees. */
export const MAX_SUMMARY = 1024;

/** The incident facts a page is built from. */
export interface PagedIncident {
  id: string;
  title: string;
  severity: string;
  type: string;
  private: boolean;
  declaredBy: string;
  channelId: string | null;
}

const PD_SEVERITIES = ['critical', 'error', 'warning'] as const;

/** `critical` for the most severe configured severity, then `error`, `warning`; `info` for the rest. */
export function pagerDutySeverity(severity: string, order: readonly string[]): NonNullable<PagerDutyEvent['payload']>['severity'] {
  const rank = order.indexOf(severity);
  return rank >= 0 && rank < PD_SEVERITIES.length ? PD_SEVERITIES[rank]! : 'info';
}

/** The summary a responder's phone shows: a private incident's title stays in Slack unless configured. */
export function pageSummary(incident: PagedIncident, policy: Pick<PagingPolicy, 'privateTitles'>, message: string): string {
  const title = incident.private && !policy.privateTitles ? 'Private incident (details in its Slack channel)' : incident.title;
  const extra = message ? `: ${message}` : '';
  return cutText(`[${incident.id} ${incident.severity}] ${title}${extra}`, MAX_SUMMARY);
}

/** The Events API v2 trigger for a page. */
export function triggerEvent(incident: PagedIncident, routingKey: string, dedupKey: string, policy: PagingPolicy, message: string, channelUrl: string | null): PagerDutyEvent {
  const hideTitle = incident.private && !policy.privateTitles;
  return {
    routingKey,
    action: 'trigger',
    dedupKey,
    payload: {
      summary: pageSummary(incident, policy, message),
      source: 'warden',
      severity: pagerDutySeverity(incident.severity, policy.severityOrder),
      component: incident.type,
      group: incident.id,
      class: 'incident',
      customDetails: { incident: incident.id, severity: incident.severity, type: incident.type, declared_by: incident.declaredBy, ...(hideTitle ? { private: true } : { title: incident.title }) },
    },
    ...(channelUrl ? { links: [{ href: channelUrl, text: `Slack channel of ${incident.id}` }] } : {}),
  };
}
