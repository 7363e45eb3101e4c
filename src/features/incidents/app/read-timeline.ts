import type { TimelineEntry } from '../domain/incident.js';
import { timelinePage, type TimelinePage } from '../domain/timeline-pages.js';
import type { IncidentStore } from './ports.js';

/**
 * One page of an incident's timeline, oldest entry first; the last page (the most recent entries) when no
 * page is asked for. Reads only the page's rows. Closed incidents read the same: the timeline is their record.
 * @throws WardenError('bad_input') for a page that does not exist.
 */
export function readTimeline(store: Pick<IncidentStore, 'timeline'>, incidentId: string, requested: number | 'last'): { page: TimelinePage; entries: TimelineEntry[] } {
  const page = timelinePage(store.timeline.count(incidentId), requested);
  return { page, entries: store.timeline.slice(incidentId, page.offset, page.limit) };
}
