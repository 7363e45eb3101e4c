import type { Incident, IncidentPatch } from '../domain/incident.js';
import { INCIDENT_STATUSES, type IncidentRole } from '../domain/incident-model.js';
import type { Db } from '../../../platform/db/db.js';
import { toIncident, type IncidentRow } from './incident-rows.js';
import { openReads } from './open-reads.js';

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

const COLUMNS: Record<keyof IncidentPatch, string> = {
  severity: 'severity',
  status: 'status',
  flags: 'flags',
  resolvedAt: 'resolved_at',
  closedAt: 'closed_at',
  channelId: 'channel_id',
  channelName: 'channel_name',
  cardTs: 'card_ts',
  announcementChannel: 'announcement_channel',
  announcementTs: 'announcement_ts',
  lastUpdateAt: 'last_update_at',
  title: 'title',
  private: 'private',
};

/** Incidents and their roles. Plain objects in and out; callers hold the transaction. */
/** The statuses of an open incident, as an SQL list. */
/** SQL: the row is no drill (the flag, or the type of a row declared before the type set the flag too). */
export const NOT_A_DRILL = "drill = 0 AND type <> 'drill'";
const OPEN_STATUSES = INCIDENT_STATUSES.filter((s) => s !== 'closed').map((s) => `'${s}'`).join(', ');

/**
 * The declare duplicate check: one seek of incidents_declarer_title_recent (migration 024), whatever the person declared
 * meanwhile. No INDEXED BY: a database before 024 (an old backup being checked) still answers, through 016's index.
 */
export const RECENT_DUPLICATE_SQL =
  'SELECT * FROM incidents WHERE declared_by = ? AND lower(title) = lower(?) AND declared_at >= ? ORDER BY declared_at DESC LIMIT 1';

export function incidentRepo(db: Db) {
  const byId = db.prepare<[string], IncidentRow>('SELECT * FROM incidents WHERE id = ?');
  const byChannel = db.prepare<[string], IncidentRow>('SELECT * FROM incidents WHERE channel_id = ?');
  const byRequest = db.prepare<[string], IncidentRow>('SELECT * FROM incidents WHERE request_key = ?');
  const rolesOf = db.prepare<[string], { role: string; user_id: string }>('SELECT role, user_id FROM incident_roles WHERE incident_id = ?');
  // `IN` the open statuses (not `!= 'closed'`) so the read goes through incidents_status: it costs what is open, not every incident ever closed.
  const openRows = db.prepare<[], IncidentRow>(
    `SELECT * FROM incidents WHERE status IN (${OPEN_STATUSES}) ORDER BY declared_at DESC`,
  );
  // Counted on the status index (only the open rows are read: /metrics scrapes it every few seconds). Drills are
  // left out, whichever way they were marked (`--drill`, or the type alone before declarations set both).
  // Where the digests' migrations keep open_incident_counts (every full Warden), one row a severity is read, however
  // many incidents are open: /metrics stays flat at any size. A database without it counts the open rows.
  const maintained = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'open_incident_counts'").get() !== undefined;
  const openCounts = db.prepare<[], { severity: string; n: number }>(
    maintained
      ? 'SELECT severity, open AS n FROM open_incident_counts WHERE drill = 0 AND open > 0'
      : `SELECT severity, count(*) AS n FROM incidents INDEXED BY incidents_status WHERE status IN (${OPEN_STATUSES}) AND ${NOT_A_DRILL} GROUP BY severity`,
  );
  const recentDup = db.prepare<[string, string, string], IncidentRow>(RECENT_DUPLICATE_SQL);
  const bumpCounter = db.prepare<[string]>('INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1');
  const readCounter = db.prepare<[string], number>('SELECT value FROM counters WHERE name = ?').pluck();
  const insertRow = db.prepare(`INSERT INTO incidents (id, title, description, type, severity, status, drill, private, flags, declared_by,
    declared_at, detected_at, request_key) VALUES (@id, @title, @description, @type, @severity, @status, @drill, @private, @flags,
    @declared_by, @declared_at, @detected_at, @request_key)`);
  const upsertRole = db.prepare(`INSERT INTO incident_roles (incident_id, role, user_id, assigned_by, assigned_at)
    VALUES (?, ?, ?, ?, ?) ON CONFLICT(incident_id, role) DO UPDATE SET user_id = excluded.user_id,
    assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at`);

  const hydrate = (row: IncidentRow | undefined): Incident | null => {
    if (!row) return null;
    const roles: Incident['roles'] = {};
    for (const r of rolesOf.all(row.id)) roles[r.role as IncidentRole] = r.user_id;
    return toIncident(row, roles);
  };

  return {
    get: (id: string) => hydrate(byId.get(id)),
    byChannel: (channelId: string) => hydrate(byChannel.get(channelId)),
    byRequestKey: (key: string) => hydrate(byRequest.get(key)),
    /** The same person declaring the same title since `since`: a double click or a retried submission. */
    recentDuplicate: (userId: string, title: string, since: Date) => hydrate(recentDup.get(userId, title, since.toISOString())),
    listOpen: () => openRows.all().map((r) => hydrate(r) as Incident),
    /** How many incidents are open, by severity, drills left out. */
    openCountBySeverity: (): Record<string, number> => Object.fromEntries(openCounts.all().map((r) => [r.severity, r.n])),
    ...openReads(db),
    /** The next number in a named sequence (per-year incident ids). */
    nextSeq(name: string): number {
      bumpCounter.run(name);
      return readCounter.get(name) as number;
    },
    insert(incident: Incident, requestKey: string | null): void {
      insertRow.run({
        id: incident.id,
        title: incident.title,
        description: incident.description,
        type: incident.type,
        severity: incident.severity,
        status: incident.status,
        drill: incident.drill ? 1 : 0,
        private: incident.private ? 1 : 0,
        flags: JSON.stringify(incident.flags),
        declared_by: incident.declaredBy,
        declared_at: incident.declaredAt.toISOString(),
        detected_at: iso(incident.detectedAt),
        request_key: requestKey,
      });
    },
    update(id: string, patch: IncidentPatch): void {
      const keys = Object.keys(patch) as (keyof IncidentPatch)[];
      if (keys.length === 0) return;
      const sets = keys.map((k) => `${COLUMNS[k]} = @${k}`).join(', ');
      const values: Record<string, unknown> = { id };
      for (const k of keys) values[k] = toColumn(patch[k]);
      db.prepare(`UPDATE incidents SET ${sets} WHERE id = @id`).run(values);
    },
    setRole(incidentId: string, role: IncidentRole, userId: string, by: string, at: Date): void {
      upsertRole.run(incidentId, role, userId, by, at.toISOString());
    },
  };
}

function toColumn(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return JSON.stringify(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v ?? null;
}

export type IncidentRepo = ReturnType<typeof incidentRepo>;
