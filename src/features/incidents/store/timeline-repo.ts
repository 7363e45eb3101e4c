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

export function timelineRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO timeline (incident_id, at, kind, actor, text, data, source_key)
    VALUES (@incidentId, @at, @kind, @actor, @text, @data, @sourceKey) ON CONFLICT DO NOTHING`);
  const list = db.prepare<[string], Row>('SELECT * FROM timeline WHERE incident_id = ? ORDER BY at, id');
  return {
    /** Returns false when an entry with the same source key was already recorded. */
    add(e: NewTimelineEntry): boolean {
      const r = insert.run({ ...e, at: e.at.toISOString(), data: JSON.stringify(e.data ?? {}), sourceKey: e.sourceKey ?? null });
      return r.changes === 1;
    },
    list: (incidentId: string): TimelineEntry[] =>
      list.all(incidentId).map((r) => ({
        id: r.id,
        incidentId: r.incident_id,
        at: new Date(r.at),
        kind: r.kind as TimelineKind,
        actor: r.actor,
        text: r.text,
        data: JSON.parse(r.data) as Record<string, unknown>,
      })),
  };
}

export type TimelineRepo = ReturnType<typeof timelineRepo>;
