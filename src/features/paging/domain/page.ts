/** A page Warden sent (or will send) to PagerDuty for one incident and one service. */
export const PAGE_STATUSES = ['queued', 'triggered', 'acknowledged', 'resolved'] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];

export interface Page {
  incidentId: string;
  /** The configured service name (`default` for the routing key given by PAGERDUTY_ROUTING_KEY alone). */
  service: string;
  dedupKey: string;
  status: PageStatus;
  message: string;
  requestedBy: string;
  requestedAt: Date;
  sentAt: Date | null;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  /** PagerDuty's incident id, once a webhook has told Warden which incident the page opened. */
  pdIncidentId: string | null;
  /** The commander was told to page by phone because the page had not gone out in time. */
  lateWarned: boolean;
}

/**
 * The dedup key of an incident's page to a service: derived, so a retry, a restart or a second `page` of
 * the same service reuses it and PagerDuty keeps one incident.
 */
export const dedupKeyOf = (incidentId: string, service: string): string => `warden-${incidentId}-${service}`;
