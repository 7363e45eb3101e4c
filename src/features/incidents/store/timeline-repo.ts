import type { NewTimelineEntry, TimelineEntry, TimelineKind } from '../domain/incident.js';
import type { Db } from '../../../platform/db/db.js';
import { timelineHash, type StoredTimelineRow } from './timeline-hash.js';

interface Row {
  id: number;
  incident_id: string;
  at: string;
  kind: string;
  actor: string;
  text: string;
  data: string;
}

const toEntry = (r: Row): TimelineEntry => ({
  id: r.id,
  incidentId: r.incident_id,
  at: new Date(r.at),
  kind: r.kind as TimelineKind,
  actor: r.actor,
  text: r.text,
  data: JSON.parse(r.data) as Record<string, unknown>,
});

export function timelineRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO timeline (incident_id, at, kind, actor, text, data, source_key)
    VALUES (@incidentId, @at, @kind, @actor, @text, @data, @sourceKey) ON CONFLICT DO NOTHING`);
  const list = db.prepare<[string], Row>('SELECT * FROM timeline WHERE incident_id = ? ORDER BY at, id');
  const count = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM timeline WHERE incident_id = ?');
  const slice = db.prepare<[string, number, number], Row>('SELECT * FROM timeline WHERE incident_id = ? ORDER BY at, id LIMIT ? OFFSET ?');
  const stored = db.prepare<[], StoredTimelineRow>('SELECT id, incident_id, at, kind, actor, text, data, source_key FROM timeline ORDER BY id');
  return {
    /**
     * The stored row's id and hash (for its audit entry), or null when an entry with the same source key was
     * already recorded.
     */
    add(e: NewTimelineEntry): { id: number; sha256: string } | null {
      const row = { incident_id: e.incidentId, at: e.at.toISOString(), kind: e.kind, actor: e.actor, text: e.text, data: JSON.stringify(e.data ?? {}), source_key: e.sourceKey ?? null };
      const r = insert.run({ incidentId: row.incident_id, at: row.at, kind: row.kind, actor: row.actor, text: row.text, data: row.data, sourceKey: row.source_key });
      if (r.changes !== 1) return null;
      const id = Number(r.lastInsertRowid);
      return { id, sha256: timelineHash({ id, ...row }) };
    },
    /** Every row's id, incident and hash, streamed in id order (what `warden audit verify` checks). */
    *digests(): Generator<{ id: number; incidentId: string; sha256: string }> {
      for (const r of stored.iterate()) yield { id: r.id, incidentId: r.incident_id, sha256: timelineHash(r) };
    },
    list: (incidentId: string): TimelineEntry[] => list.all(incidentId).map(toEntry),
    count: (incidentId: string): number => count.get(incidentId)?.n ?? 0,
    /** `limit` entries from the `offset`-th, oldest first (the order `list` returns). */
    slice: (incidentId: string, offset: number, limit: number): TimelineEntry[] => slice.all(incidentId, limit, offset).map(toEntry),
  };
}

export type TimelineRepo = ReturnType<typeof timelineRepo>;
