import { WardenError } from '../../../platform/errors.js';
import { commanderOf, enqueuePost, requireIncident } from '../../incidents/index.js';
import { eventsToSend, type Page, type PageStatus } from '../domain/page.js';
import { triggerEvent } from '../domain/page-event.js';
import type { PagingDeps } from './deps.js';
import { isPagerDutyError, type PagerDutyEvent } from './ports.js';

const SENT_AS: Record<PagerDutyEvent['action'], PageStatus> = { trigger: 'triggered', acknowledge: 'acknowledged', resolve: 'resolved' };

/**
 * The `pagerduty.sync` job: sends the events that bring PagerDuty to what the page should show, one at a time,
 * recording each as soon as PagerDuty accepted it, so a retry after a failure or a crash continues where it stopped
 * (and PagerDuty's dedup key absorbs the one event a crash could repeat). While PagerDuty is unreachable the
 * channel is told once; when a page finally goes out after that, the channel is told too.
 */
export async function syncPage(deps: PagingDeps, dedupKey: string, channelUrl: (channelId: string) => string, attempt = 0): Promise<void> {
  const port = deps.pagerDuty;
  const page = deps.pages.byDedupKey(dedupKey);
  if (!page || !port) return;
  const service = deps.paging.services[page.service];
  if (!service?.routingKey) throw new WardenError('bad_input', `${service?.routingKeyEnv ?? page.service} is not set`);
  const incident = requireIncident(deps.store, page.incidentId);
  for (const action of eventsToSend(page.status, page.sentStatus)) {
    const event: PagerDutyEvent =
      action === 'trigger'
        ? triggerEvent(incident, service.routingKey, dedupKey, deps.paging, page.message, incident.channelId ? channelUrl(incident.channelId) : null)
        : { routingKey: service.routingKey, action, dedupKey };
    try {
      await port.sendEvent(event);
    } catch (error) {
      if (isPagerDutyError(error) && error.failure.kind !== 'rejected') tellUnreachableOnce(deps, page);
      throw error;
    }
    recordSent(deps, page, action, attempt > 0);
  }
}

function recordSent(deps: PagingDeps, page: Page, action: PagerDutyEvent['action'], afterFailures: boolean): void {
  const now = deps.clock.now();
  deps.store.transaction(() => {
    deps.pages.markSent(page.dedupKey, SENT_AS[action], now);
    // Read again: while the event was on its way, the incident may have moved the page on (acknowledged, resolved).
    if (action === 'trigger' && deps.pages.byDedupKey(page.dedupKey)?.status === 'queued') deps.pages.setStatus(page.dedupKey, 'triggered', now);
    if (action !== 'trigger') return;
    const late = afterFailures ? ' It went out once PagerDuty answered again.' : '';
    enqueuePost(deps.store, now, page.incidentId, { type: 'text', text: `:pager: Paged *${page.service}* on PagerDuty.${late}` });
  });
}

/** One message per page while PagerDuty cannot be reached (the job is keyed, so a retry adds none). */
function tellUnreachableOnce(deps: PagingDeps, page: Page): void {
  const now = deps.clock.now();
  const text = `:warning: PagerDuty cannot be reached right now. The page to *${page.service}* is queued and goes out as soon as PagerDuty answers; nothing is lost.`;
  deps.store.transaction(() => enqueuePost(deps.store, now, page.incidentId, { type: 'text', text }, false, `pd-down:${page.dedupKey}`));
}

/** The `pagerduty.late_check` job: a page still not out after `phoneAfter` makes Warden tell the commander to phone. */
export function checkLatePage(deps: PagingDeps, dedupKey: string): void {
  deps.store.transaction(() => {
    const page = deps.pages.byDedupKey(dedupKey);
    if (!page || page.sentAt || page.lateWarned || page.status === 'resolved') return;
    const incident = requireIncident(deps.store, page.incidentId);
    const minutes = Math.round(deps.paging.phoneAfterMs / 60_000);
    const text = `:rotating_light: <@${commanderOf(incident)}>, the page to *${page.service}* has not reached PagerDuty after ${minutes} min. Page the on-call by phone now; Warden keeps trying.`;
    deps.pages.markLateWarned(dedupKey);
    enqueuePost(deps.store, deps.clock.now(), page.incidentId, { type: 'text', text });
  });
}
