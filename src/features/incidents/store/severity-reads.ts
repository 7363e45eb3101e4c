import type { Db } from '../../../platform/db/db.js';
import { limitedStatement } from '../../../platform/db/limited.js';
import type { Incident } from '../domain/incident.js';
import { NOT_A_DRILL } from './incident-repo.js';
import { hydrateRows, type IncidentRow } from './incident-rows.js';

/**
 * The open incidents by severity, as the managers' digest shows them, over the digest's migrations 017 and 020
 * (so only a Warden with the digest prepares them): the counts come from one row per severity (drills in rows of
 * their own), and each list walks incidents_open_by_severity and stops after its rows, so they cost the same at
 * 10 and 10,000 open. Drills are left out of the counts and the lists; `openDrillsKept` says how many are open.
 */
export function openSeverityReadsOf(db: Db) {
  const hydrate = hydrateRows(db);
  const oldest = limitedStatement<[string], IncidentRow>(db, (limit) => `SELECT * FROM incidents INDEXED BY incidents_open_by_severity
    WHERE status <> 'closed' AND severity = ? AND ${NOT_A_DRILL} ORDER BY declared_at, id LIMIT ${limit}`);
  const newest = db.prepare<[string], string | null>(`SELECT max(declared_at) FROM incidents INDEXED BY incidents_open_by_severity
    WHERE status <> 'closed' AND severity = ? AND ${NOT_A_DRILL}`).pluck();
  const counts = db.prepare<[], { severity: string; open: number }>('SELECT severity, open FROM open_incident_counts WHERE open > 0 AND drill = 0');
  const drills = db.prepare<[], number>('SELECT coalesce(sum(open), 0) FROM open_incident_counts WHERE drill = 1').pluck();
  const drillFlag = db.prepare<[string], number>(`SELECT NOT (${NOT_A_DRILL}) FROM incidents WHERE id = ?`).pluck();
  return {
    /** How many incidents are open, by severity, drills left out, from the counts the triggers keep (one row per severity). */
    openCountsKept: (): Record<string, number> => Object.fromEntries(counts.all().map((r) => [r.severity, r.open])),
    /** How many drills are open (kept apart from the counts). */
    openDrillsKept: (): number => drills.get() ?? 0,
    /** Whether the incident is a drill (by primary key): the digest leaves drills' deadlines out of its figures. */
    isDrill: (id: string): boolean => drillFlag.get(id) === 1,
    /** Up to `limit` open incidents of the severity, drills left out, the oldest first (then by id). */
    openOldestOfSeverity: (severity: string, limit: number): Incident[] => hydrate(oldest(limit).all(severity)),
    /** When the newest open incident of the severity was declared; null when none is open. */
    openNewestOfSeverityAt(severity: string): Date | null {
      const at = newest.get(severity);
      return at ? new Date(at) : null;
    },
  };
}

export type OpenSeverityReads = ReturnType<typeof openSeverityReadsOf>;
