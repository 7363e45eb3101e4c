import type { Db } from '../../../platform/db/db.js';
import { openSeverityReadsOf, type Incident, type OpenSeverityReads } from '../../incidents/index.js';
import { openClockedIncidentsOf } from '../../notifications/index.js';
import type { OpenIncidentsRead } from '../domain/digest-sources.js';
import { bySeverity, type OpenIncident } from '../domain/sections/incident-section.js';

const toOpen = (i: Incident): OpenIncident => ({ id: i.id, severity: i.severity, title: i.title, status: i.status, private: i.private, drill: i.drill, declaredAt: i.declaredAt });

/** Severities open but not configured (one removed from warden.yaml), the most recently declared first. */
function extraSeverities(incidents: OpenSeverityReads, counts: Record<string, number>, severities: readonly string[]): string[] {
  const newest = (s: string) => incidents.openNewestOfSeverityAt(s)?.getTime() ?? 0;
  return Object.keys(counts)
    .filter((s) => !severities.includes(s))
    .map((s) => ({ s, at: newest(s) }))
    .sort((a, b) => b.at - a.at || a.s.localeCompare(b.s))
    .map((x) => x.s);
}

/** The top `limit` in the section's order: each configured severity's oldest, then the other severities' oldest together. */
function topOpen(incidents: OpenSeverityReads, counts: Record<string, number>, severities: readonly string[], extra: readonly string[], limit: number): OpenIncident[] {
  const top: OpenIncident[] = [];
  for (const s of severities) {
    if (top.length >= limit) return top;
    if (counts[s]) top.push(...incidents.openOldestOfSeverity(s, limit - top.length).map(toOpen));
  }
  // The other severities rank together (after the configured ones): the oldest of them all first.
  const rest = extra.flatMap((s) => incidents.openOldestOfSeverity(s, limit - top.length).map(toOpen));
  return [...top, ...rest.sort(bySeverity(severities))].slice(0, limit);
}

/**
 * The digest's open incidents through indexes: the count by severity, the top `limit` shown, and the open
 * incidents with clock events (whose deadlines the digest reads). Drills are left out of all three (a drill's
 * rehearsed clocks are no missed legal deadline) and counted apart; a private incident is read like any other
 * and the section leaves it untitled.
 */
export function openIncidentsReadOf(db: Db, severities: readonly string[]): (limit: number) => OpenIncidentsRead {
  const incidents = openSeverityReadsOf(db);
  const clocked = openClockedIncidentsOf(db);
  return (limit) => {
    const counts = incidents.openCountsKept();
    const extra = extraSeverities(incidents, counts, severities);
    const real = clocked().filter((id) => !incidents.isDrill(id));
    return { counts, extra, top: topOpen(incidents, counts, severities, extra, limit), drills: incidents.openDrillsKept(), clocked: real };
  };
}
