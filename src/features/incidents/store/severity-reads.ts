import type { Db } from '../../../platform/db/db.js';
import type { Incident } from '../domain/incident.js';
import { hydrateRows, type IncidentRow } from './incident-rows.js';

/**
 * The open incidents of one severity, as the managers' digest shows them (migration 017): each read walks
 * incidents_open_by_severity and stops after its rows, so it costs the same at 10 and 10,000 open.
 */
export function severityReads(db: Db) {
  const hydrate = hydrateRows(db);
  const oldest = db.prepare<[string, number], IncidentRow>(`SELECT * FROM incidents INDEXED BY incidents_open_by_severity
    WHERE status <> 'closed' AND severity = ? ORDER BY declared_at, id LIMIT ?`);
  const newest = db.prepare<[string], string | null>(`SELECT max(declared_at) FROM incidents INDEXED BY incidents_open_by_severity
    WHERE status <> 'closed' AND severity = ?`).pluck();
  return {
    /** Up to `limit` open incidents of the severity, the oldest first (then by id). */
    openOldestOfSeverity: (severity: string, limit: number): Incident[] => hydrate(oldest.all(severity, limit)),
    /** When the newest open incident of the severity was declared; null when none is open. */
    openNewestOfSeverityAt(severity: string): Date | null {
      const at = newest.get(severity);
      return at ? new Date(at) : null;
    },
  };
}
