import type { Incident } from '../domain/incident.js';
import { visibleTo } from '../domain/visibility.js';
import type { IncidentStore } from './ports.js';

/**
 * The open incidents a person may see, most recent first: every public one, and the private ones they are a
 * member of. The list, App Home and (later) digests read this, so the rule lives in `visibleTo` alone.
 */
export function openIncidentsVisibleTo(store: Pick<IncidentStore, 'incidents'>, userId: string): Incident[] {
  const { incidents } = store;
  return incidents.listOpen().filter((incident) => visibleTo(incident, userId, (id, user) => incidents.isMember(id, user)));
}
