import type { Incident, IncidentPatch } from '../domain/incident.js';
import { INCIDENT_STATUSES, type IncidentFlag, type IncidentRole } from '../domain/incident-model.js';
import type { Db } from '../../../platform/db/db.js';

interface IncidentRow {
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
export function incidentRepo(db: Db) {
  const byId = db.prepare<[string], IncidentRow>('SELECT * FROM incidents WHERE id = ?');
  const byChannel = db.prepare<[string], IncidentRow>('SELECT * FROM incidents WHERE channel_id = ?');
  const byRequest = db.prepare<[string], IncidentRow>('SELECT * FROM incidents WHERE request_key = ?');
  const rolesOf = db.prepare<[string], { role: string; user_id: string }>('SELECT role, user_id FROM incident_roles WHERE incident_id = ?');
  // `IN` the open statuses (not `!= 'closed'`) so the read goes through incidents_status: it costs what is open, not every incident ever closed.
  const openRows = db.prepare<[], IncidentRow>(
    `SELECT * FROM incidents WHERE status IN (${INCIDENT_STATUSES.filter((s) => s !== 'closed').map((s) => `'${s}'`).join(', ')}) ORDER BY declared_at DESC`,
  );
  const recentDup = db.prepare<[string, string, string], IncidentRow>(
    'SELECT * FROM incidents WHERE declared_by = ? AND lower(title) = lower(?) AND declared_at >= ? ORDER BY declared_at DESC LIMIT 1',
  );
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
    return {
      id: row.id,
      title: row.title,
      description: row.description,
      type: row.type as Incident['type'],
      severity: row.severity as Incident['severity'],
      status: row.status as Incident['status'],
      drill: row.drill === 1,
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
  };

  return {
    get: (id: string) => hydrate(byId.get(id)),
    byChannel: (channelId: string) => hydrate(byChannel.get(channelId)),
    byRequestKey: (key: string) => hydrate(byRequest.get(key)),
    /** The same person declaring the same title since `since`: a double click or a retried submission. */
    recentDuplicate: (userId: string, title: string, since: Date) => hydrate(recentDup.get(userId, title, since.toISOString())),
    listOpen: () => openRows.all().map((r) => hydrate(r) as Incident),
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
