import type { NewTimelineEntry, TimelineEntry, TimelineKind } from '../domain/incident.js';
import type { Db } from '../../../platform/db/db.js';
import { TIMELINE_HASH_INPUT, timelineHash } from './timeline-hash.js';

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

const DIGEST_PAGE = 5000;

export function timelineRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO timeline (incident_id, at, kind, actor, text, data, source_key)
    VALUES (@incidentId, @at, @kind, @actor, @text, @data, @sourceKey) ON CONFLICT DO NOTHING`);
  const list = db.prepare<[string], Row>('SELECT * FROM timeline WHERE incident_id = ? ORDER BY at, id');
  const count = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM timeline WHERE incident_id = ?');
  const slice = db.prepare<[string, number, number], Row>('SELECT * FROM timeline WHERE incident_id = ? ORDER BY at, id LIMIT ? OFFSET ?');
  const hashInput = db.prepare<[number], string>(`SELECT ${TIMELINE_HASH_INPUT} FROM timeline WHERE id = ?`).pluck();
  const stored = db.prepare<[number, number], [number, string, string]>(`SELECT id, incident_id, ${TIMELINE_HASH_INPUT} FROM timeline WHERE id > ? ORDER BY id LIMIT ?`).raw(true);
  return {
    /**
     * The stored row's id and hash (for its audit entry), or null when an entry with the same source key was
     * already recorded.
     */
    add(e: NewTimelineEntry): { id: number; sha256: string } | null {
      const r = insert.run({ ...e, at: e.at.toISOString(), data: JSON.stringify(e.data ?? {}), sourceKey: e.sourceKey ?? null });
      if (r.changes !== 1) return null;
      const id = Number(r.lastInsertRowid);
      // Hashed as stored, read back: the verifier reads the very same bytes.
      return { id, sha256: timelineHash(hashInput.get(id)!) };
    },
    /** Every row's id, incident and hash, streamed in id order (what `warden audit verify` checks). */
    *digests(): Generator<{ id: number; incidentId: string; sha256: string }> {
      // In pages: reading a page at once is much faster than a row at a time.
      for (let after = 0; ; ) {
        const page = stored.all(after, DIGEST_PAGE);
        for (const [id, incidentId, input] of page) yield { id, incidentId, sha256: timelineHash(input) };
        if (page.length < DIGEST_PAGE) return;
        after = page[page.length - 1]![0];
      }
    },
    list: (incidentId: string): TimelineEntry[] => list.all(incidentId).map(toEntry),
    count: (incidentId: string): number => count.get(incidentId)?.n ?? 0,
    /** `limit` entries from the `offset`-th, oldest first (the order `list` returns). */
    slice: (incidentId: string, offset: number, limit: number): TimelineEntry[] => slice.all(incidentId, limit, offset).map(toEntry),
  };
}

export type TimelineRepo = ReturnType<typeof timelineRepo>;
