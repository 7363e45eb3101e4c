/** Events API v2: the enqueue body Warden sends for one trigger, acknowledge or resolve. */
import type { PagerDutyEvent } from '../../features/paging/index.js';
import { cutText } from '../../platform/text.js';

export const SUMMARY_MAX = 1024;

/** At most 1,024 UTF-16 units (PagerDuty's limit), cut between graphemes (never inside an emoji or accent), ending with "…". */
export const truncateSummary = (text: string, max = SUMMARY_MAX): string => cutText(text, max);

/** The JSON body of POST /v2/enqueue. */
export function enqueueBody(event: PagerDutyEvent) {
  const p = event.payload;
  const payload = p && {
    summary: truncateSummary(p.summary),
    source: p.source,
    severity: p.severity,
    ...(p.component === undefined ? {} : { component: p.component }),
    ...(p.group === undefined ? {} : { group: p.group }),
    ...(p.class === undefined ? {} : { class: p.class }),
    ...(p.customDetails === undefined ? {} : { custom_details: p.customDetails }),
  };
  return {
    routing_key: event.routingKey,
    event_action: event.action,
    dedup_key: event.dedupKey,
    ...(payload ? { payload } : {}),
    ...(event.links && event.links.length > 0 ? { links: event.links } : {}),
  };
}
