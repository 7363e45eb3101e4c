import type { Db } from '../../../platform/db/db.js';
import type { PdIncidentRecord } from '../domain/pd-incident.js';
import type { PdIncidentFacts } from '../domain/webhook-event.js';

interface Row {
  pd_incident_id: string;
  incident_id: string | null;
  title: string;
  urgency: string | null;
  service_name: string | null;
  html_url: string | null;
  dedup_key: string | null;
  status: string;
  announcement_channel: string | null;
  announcement_ts: string | null;
  updated_at: string;
}

const toRecord = (r: Row): PdIncidentRecord => ({
  pdIncidentId: r.pd_incident_id,
  incidentId: r.incident_id,
  title: r.title,
  urgency: r.urgency as PdIncidentRecord['urgency'],
  serviceName: r.service_name,
  htmlUrl: r.html_url,
  dedupKey: r.dedup_key,
  status: r.status as PdIncidentRecord['status'],
  announcementChannel: r.announcement_channel,
  announcementTs: r.announcement_ts,
  updatedAt: new Date(r.updated_at),
});

/**
 * The webhook tables over SQLite (migration 006), implementing `InboundRecords`. Statements are prepared per
 * call: the route is built before any feature's migrations are known to have run.
 */
export function inboundRepo(db: Db) {
  return {
    recordDelivery: (eventId: string, eventType: string, at: Date): boolean =>
      db.prepare('INSERT INTO pagerduty_deliveries (event_id, event_type, received_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(eventId, eventType, at.toISOString()).changes === 1,
    /** The PagerDuty incidents a Warden incident was declared from (normally one). */
    linkedTo: (incidentId: string): PdIncidentRecord[] => (db.prepare('SELECT * FROM pagerduty_incidents WHERE incident_id = ?').all(incidentId) as Row[]).map(toRecord),
    getIncident(id: string): PdIncidentRecord | null {
      const row = db.prepare('SELECT * FROM pagerduty_incidents WHERE pd_incident_id = ?').get(id) as Row | undefined;
      return row ? toRecord(row) : null;
    },
    insertIncident(f: PdIncidentFacts, at: Date): boolean {
      const sql = `INSERT INTO pagerduty_incidents (pd_incident_id, title, urgency, service_name, html_url, dedup_key, status, created_at, updated_at)
                   VALUES (@id, @title, @urgency, @serviceName, @htmlUrl, @dedupKey, @status, @at, @at) ON CONFLICT DO NOTHING`;
      const params = { id: f.id, title: f.title, urgency: f.urgency, serviceName: f.serviceName, htmlUrl: f.htmlUrl, dedupKey: f.dedupKey, status: f.status, at: at.toISOString() };
      return db.prepare(sql).run(params).changes === 1;
    },
    setStatus: (id: string, status: PdIncidentFacts['status'], at: Date): void =>
      void db.prepare('UPDATE pagerduty_incidents SET status = ?, updated_at = ? WHERE pd_incident_id = ?').run(status, at.toISOString(), id),
    link: (id: string, incidentId: string, at: Date): boolean =>
      db.prepare('UPDATE pagerduty_incidents SET incident_id = ?, updated_at = ? WHERE pd_incident_id = ? AND incident_id IS NULL').run(incidentId, at.toISOString(), id).changes === 1,
    setAnnouncement: (id: string, channel: string, ts: string): void =>
      void db.prepare('UPDATE pagerduty_incidents SET announcement_channel = ?, announcement_ts = ? WHERE pd_incident_id = ?').run(channel, ts, id),
  };
}
