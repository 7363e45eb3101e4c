import type { Db } from '../../../platform/db/db.js';
import type { PageRecords } from '../app/page-records.js';
import type { Page, PageStatus } from '../domain/page.js';

interface PageRow {
  incident_id: string;
  service: string;
  dedup_key: string;
  status: string;
  message: string;
  requested_by: string;
  requested_at: string;
  sent_at: string | null;
  acknowledged_at: string | null;
  resolved_at: string | null;
  pd_incident_id: string | null;
  late_warned: number;
}

const date = (s: string | null): Date | null => (s === null ? null : new Date(s));

const toPage = (r: PageRow): Page => ({
  incidentId: r.incident_id,
  service: r.service,
  dedupKey: r.dedup_key,
  status: r.status as PageStatus,
  message: r.message,
  requestedBy: r.requested_by,
  requestedAt: new Date(r.requested_at),
  sentAt: date(r.sent_at),
  acknowledgedAt: date(r.acknowledged_at),
  resolvedAt: date(r.resolved_at),
  pdIncidentId: r.pd_incident_id,
  lateWarned: r.late_warned === 1,
});

const STATUS_COLUMN: Partial<Record<PageStatus, string>> = { acknowledged: 'acknowledged_at', resolved: 'resolved_at' };

/** The pages table over SQLite. */
export function pageRepo(db: Db): PageRecords {
  const one = (sql: string, ...args: unknown[]) => {
    const row = db.prepare(sql).get(...args) as PageRow | undefined;
    return row ? toPage(row) : null;
  };
  return {
    get: (incidentId, service) => one('SELECT * FROM pages WHERE incident_id = ? AND service = ?', incidentId, service),
    byDedupKey: (key) => one('SELECT * FROM pages WHERE dedup_key = ?', key),
    byPdIncident: (id) => one('SELECT * FROM pages WHERE pd_incident_id = ?', id),
    forIncident: (incidentId) => (db.prepare('SELECT * FROM pages WHERE incident_id = ? ORDER BY id').all(incidentId) as PageRow[]).map(toPage),
    insert(p) {
      const sql = `INSERT INTO pages (incident_id, service, dedup_key, status, message, requested_by, requested_at)
                   VALUES (?, ?, ?, 'queued', ?, ?, ?) ON CONFLICT DO NOTHING`;
      return db.prepare(sql).run(p.incidentId, p.service, p.dedupKey, p.message, p.requestedBy, p.requestedAt.toISOString()).changes === 1;
    },
    setStatus(key, status, at) {
      const column = STATUS_COLUMN[status];
      const stamp = column ? `, ${column} = COALESCE(${column}, @at)` : '';
      db.prepare(`UPDATE pages SET status = @status${stamp} WHERE dedup_key = @key`).run({ key, status, at: at.toISOString() });
    },
    markSent: (key, at) => void db.prepare('UPDATE pages SET sent_at = COALESCE(sent_at, ?) WHERE dedup_key = ?').run(at.toISOString(), key),
    linkPdIncident: (key, id) => void db.prepare('UPDATE pages SET pd_incident_id = ? WHERE dedup_key = ?').run(id, key),
    markLateWarned: (key) => void db.prepare('UPDATE pages SET late_warned = 1 WHERE dedup_key = ?').run(key),
  };
}
