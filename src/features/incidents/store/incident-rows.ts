import type { Incident } from '../domain/incident.js';
import type { IncidentFlag, IncidentRole } from '../domain/incident-model.js';
import type { Db } from '../../../platform/db/db.js';

/** An `incidents` row as SQLite returns it. */
export interface IncidentRow {
  id: string;
  title: string;
  description: string;
  type: string;
  severity: string;
  status: string;
  drill: number;
  private: number;
  flags: string;
  declared_by: string;
  declared_at: string;
  detected_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  channel_id: string | null;
  channel_name: string | null;
  card_ts: string | null;
  announcement_channel: string | null;
  announcement_ts: string | null;
  last_update_at: string | null;
}

const date = (s: string | null): Date | null => (s === null ? null : new Date(s));

/** The plain incident of a row and its roles. */
export function toIncident(row: IncidentRow, roles: Incident['roles']): Incident {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    type: row.type as Incident['type'],
    severity: row.severity as Incident['severity'],
    status: row.status as Incident['status'],
    // Rows declared `--type drill` before that set the flag too are drills all the same.
    drill: row.drill === 1 || row.type === 'drill',
    private: row.private === 1,
    flags: JSON.parse(row.flags) as IncidentFlag[],
    declaredBy: row.declared_by,
    declaredAt: new Date(row.declared_at),
    detectedAt: date(row.detected_at),
    resolvedAt: date(row.resolved_at),
    closedAt: date(row.closed_at),
    channelId: row.channel_id,
    channelName: row.channel_name,
    cardTs: row.card_ts,
    announcementChannel: row.announcement_channel,
    announcementTs: row.announcement_ts,
    lastUpdateAt: date(row.last_update_at),
    roles,
  };
}

/**
 * Rows to incidents with the roles of all of them read in one query (a page of a list, not one role query per
 * incident), in the rows' order.
 */
export function hydrateRows(db: Db) {
  const rolesOfMany = db.prepare<[string], { incident_id: string; role: string; user_id: string }>(
    'SELECT incident_id, role, user_id FROM incident_roles WHERE incident_id IN (SELECT value FROM json_each(?))',
  );
  return (rows: readonly IncidentRow[]): Incident[] => {
    if (rows.length === 0) return [];
    const roles = new Map<string, Incident['roles']>(rows.map((r) => [r.id, {}]));
    for (const r of rolesOfMany.all(JSON.stringify(rows.map((x) => x.id)))) {
      const held = roles.get(r.incident_id);
      if (held) held[r.role as IncidentRole] = r.user_id;
    }
    return rows.map((row) => toIncident(row, roles.get(row.id) ?? {}));
  };
}
