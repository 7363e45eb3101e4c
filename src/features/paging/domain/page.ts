/** A page Warden sent (or will send) to PagerDuty for one incident and one service. */
export const PAGE_STATUSES = ['queued', 'triggered', 'acknowledged', 'resolved'] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];

export interface Page {
  incidentId: string;
  /** The configured service name (`default` for the routing key given by PAGERDUTY_ROUTING_KEY alone). */
  service: string;
  dedupKey: string;
  /** What Warden wants PagerDuty to show (`queued`: a trigger not yet sent). */
  status: PageStatus;
  /** What PagerDuty was last told; null before the first event went out. */
  sentStatus: PageStatus | null;
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

/**
 * The events that bring PagerDuty from what it was told to what Warden wants, in order: a page acknowledged
 * or resolved before its trigger went out (PagerDuty was down) still triggers first; one never sent and then
 * resolved sends nothing.
 */
export function eventsToSend(wanted: PageStatus, sent: PageStatus | null): ('trigger' | 'acknowledge' | 'resolve')[] {
  const live = sent === 'triggered' || sent === 'acknowledged';
  if (wanted === 'queued' || wanted === 'triggered') return live ? [] : ['trigger'];
  if (wanted === 'acknowledged') return sent === 'acknowledged' ? [] : live ? ['acknowledge'] : ['trigger', 'acknowledge'];
  return live ? ['resolve'] : [];
}
