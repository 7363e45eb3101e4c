import type { Incident } from '../domain/incident.js';
import type { IncidentStore, ListCursor } from './ports.js';

/** `/incident list` shows this many a page. */
export const LIST_PAGE = 20;
/** App Home lists this many of the viewer's incidents, and as many others. */
export const HOME_LISTED = 20;
/** How many of the newest visible incidents App Home looks through for the ones the viewer holds no role in. */
const HOME_SCAN = 3 * HOME_LISTED;

/** One page of `/incident list`: the incidents, where the next page starts (null: this is the last). */
export interface OpenPage {
  incidents: Incident[];
  next: ListCursor | null;
}

/**
 * A page of the open incidents a person may see, newest first: every public one, and the private ones they
 * are a member of (the rule of `visibleTo`, applied by the indexed query). Reads the page's rows and one more.
 */
export function openIncidentsPage(store: Pick<IncidentStore, 'incidents'>, viewer: string, after: ListCursor | null, size = LIST_PAGE): OpenPage {
  const rows = store.incidents.openVisiblePage(viewer, after, size + 1);
  const incidents = rows.slice(0, size);
  const last = incidents.at(-1);
  return { incidents, next: rows.length > size && last ? { declaredAt: last.declaredAt.toISOString(), id: last.id } : null };
}

/** App Home's two lists; `more...` says a list was cut (the rest is in `/incident list`). */
export interface HomeIncidents {
  mine: Incident[];
  moreMine: boolean;
  others: Incident[];
  moreOthers: boolean;
}

/**
 * What App Home shows a person: the open incidents they hold a role in, then the newest others they may see.
 * Both are indexed reads of a bounded number of rows, so the refresh costs the same whether the viewer is
 * in two incidents or half of 40,000.
 */
export function homeIncidents(store: Pick<IncidentStore, 'incidents'>, viewer: string): HomeIncidents {
  const held = store.incidents.openHeldBy(viewer, HOME_LISTED + 1);
  const others = store.incidents.openVisibleNotHeld(viewer, HOME_SCAN, HOME_LISTED + 1);
  return {
    mine: held.slice(0, HOME_LISTED),
    moreMine: held.length > HOME_LISTED,
    others: others.incidents.slice(0, HOME_LISTED),
    moreOthers: others.incidents.length > HOME_LISTED || others.scanned === HOME_SCAN,
  };
}
