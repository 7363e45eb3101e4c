import type { Db } from '../../../platform/db/db.js';
import type { Page, PageStatus } from '../domain/page.js';

interface PageRow {
  incident_id: string;
  service: string;
  dedup_key: string;
  status: string;
  sent_status: string | null;
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
  sentStatus: r.sent_status as PageStatus | null,
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

/** The pages table over SQLite (the use cases' `PageRecords`). */
export function pageRepo(db: Db) {
  const one = (sql: string, ...args: unknown[]) => {
    const row = db.prepare(sql).get(...args) as PageRow | undefined;
    return row ? toPage(row) : null;
  };
  return {
    get: (incidentId: string, service: string) => one('SELECT * FROM pages WHERE incident_id = ? AND service = ?', incidentId, service),
    byDedupKey: (key: string) => one('SELECT * FROM pages WHERE dedup_key = ?', key),
    byPdIncident: (id: string) => one('SELECT * FROM pages WHERE pd_incident_id = ?', id),
    forIncident: (incidentId: string): Page[] => (db.prepare('SELECT * FROM pages WHERE incident_id = ? ORDER BY id').all(incidentId) as PageRow[]).map(toPage),
    insert(p: Pick<Page, 'incidentId' | 'service' | 'dedupKey' | 'message' | 'requestedBy' | 'requestedAt'>): boolean {
      const sql = `INSERT INTO pages (incident_id, service, dedup_key, status, message, requested_by, requested_at)
                   VALUES (?, ?, ?, 'queued', ?, ?, ?) ON CONFLICT DO NOTHING`;
      return db.prepare(sql).run(p.incidentId, p.service, p.dedupKey, p.message, p.requestedBy, p.requestedAt.toISOString()).changes === 1;
    },
    setStatus(key: string, status: PageStatus, at: Date): void {
      const column = STATUS_COLUMN[status];
      const stamp = column ? `, ${column} = COALESCE(${column}, @at)` : '';
      const params = column ? { key, status, at: at.toISOString() } : { key, status };
      db.prepare(`UPDATE pages SET status = @status${stamp} WHERE dedup_key = @key`).run(params);
    },
    markSent: (key: string, sent: PageStatus, at: Date) => void db.prepare('UPDATE pages SET sent_status = ?, sent_at = COALESCE(sent_at, ?) WHERE dedup_key = ?').run(sent, at.toISOString(), key),
    linkPdIncident: (key: string, id: string) => void db.prepare('UPDATE pages SET pd_incident_id = ? WHERE dedup_key = ?').run(id, key),
    markLateWarned: (key: string) => void db.prepare('UPDATE pages SET late_warned = 1 WHERE dedup_key = ?').run(key),
  };
}
