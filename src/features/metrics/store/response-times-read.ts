import type { Db } from '../../../platform/db/db.js';
import type { IncidentTimes } from '../domain/response-times.js';
import type { Period } from '../domain/period.js';

interface Row {
  id: string;
  severity: string;
  type: string;
  drill: number;
  declared_at: string;
  detected_at: string | null;
  detected_event_at: string | null;
  first_resolved_at: string | null;
  resolved_at: string | null;
  submissions: string;
}

/**
 * A read model over the shared database (read-only SQL on the incidents, timeline and legal-clock tables, not
 * their features' repositories): one range query on `incidents(declared_at)` (migration 009), each incident's
 * other facts read by primary key or `timeline(incident_id, at)`. Cost follows the incidents in the period: it
 * serves `warden metrics` and the digest (medians and p90 need every value); `/metrics` reads the daily sums
 * migration 022 keeps by the same rules (response-histograms-read.ts).
 *
 * - detection: the `detected` clock event (correctable, what the legal clocks read), else the declare form's time;
 * - first commander: the declaration, since declareIncident names the declarer commander in the same transaction;
 * - first resolution: the earliest status change to resolved in the timeline (a reopen clears `resolved_at`,
 *   and a second resolve sets it again), else `resolved_at`;
 * - submissions: every recorded stage submission.
 */
export const RESPONSE_TIMES_SQL = `
    SELECT i.id, i.severity, i.type, i.drill, i.declared_at, i.detected_at, i.resolved_at,
      (SELECT c.at FROM clock_events c WHERE c.incident_id = i.id AND c.event = 'detected') AS detected_event_at,
      (SELECT MIN(t.at) FROM timeline t WHERE t.incident_id = i.id AND t.kind = 'status_changed' AND json_extract(t.data, '$.to') = 'resolved') AS first_resolved_at,
      (SELECT json_group_array(json_array(s.regime_id, s.stage_id, s.submitted_at)) FROM stage_submissions s WHERE s.incident_id = i.id) AS submissions
    FROM incidents i INDEXED BY incidents_declared_at
    WHERE i.declared_at >= ? AND i.declared_at < ?`;

export function responseTimesRead(db: Db) {
  const inPeriod = db.prepare<[string, string], Row>(RESPONSE_TIMES_SQL);
  return {
    /** Every incident declared in the period, drills included (the domain leaves them out and counts them). */
    declaredIn: (period: Period): IncidentTimes[] => inPeriod.all(period.since.toISOString(), period.until.toISOString()).map(toTimes),
  };
}

export type ResponseTimesRead = ReturnType<typeof responseTimesRead>;

const date = (s: string | null) => (s === null ? null : new Date(s));

function toTimes(r: Row): IncidentTimes {
  const declaredAt = new Date(r.declared_at);
  return {
    id: r.id,
    severity: r.severity,
    // A drill by its flag, or by its type alone (declared before the type set the flag too).
    drill: r.drill === 1 || r.type === 'drill',
    declaredAt,
    detectedAt: date(r.detected_event_at ?? r.detected_at),
    firstCommanderAt: declaredAt,
    firstResolvedAt: date(r.first_resolved_at ?? r.resolved_at),
    submissions: (JSON.parse(r.submissions) as [string, string, string][]).map(([regimeId, stageId, at]) => ({ regimeId, stageId, submittedAt: new Date(at) })),
  };
}
