import type { NewTimelineEntry, TimelineEntry, TimelineKind } from '../domain/incident.js';
import type { Db } from '../../../platform/db/db.js';

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
  return {
    /** Returns false when an entry with the same source key was already recorded. */
    add(e: NewTimelineEntry): boolean {
      const r = insert.run({ ...e, at: e.at.toISOString(), data: JSON.stringify(e.data ?? {}), sourceKey: e.sourceKey ?? null });
      return r.changes === 1;
    },
    list: (incidentId: string): TimelineEntry[] => list.all(incidentId).map(toEntry),
    count: (incidentId: string): number => count.get(incidentId)?.n ?? 0,
    /** `limit` entries from the `offset`-th, oldest first (the order `list` returns). */
    slice: (incidentId: string, offset: number, limit: number): TimelineEntry[] => slice.all(incidentId, limit, offset).map(toEntry),
  };
}

export type TimelineRepo = ReturnType<typeof timelineRepo>;
