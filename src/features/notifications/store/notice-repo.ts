import type { Db } from '../../../platform/db/db.js';
import type { NewNotice, Notice, NoticeStatus } from '../domain/notices/notice.js';

interface Row {
  id: number;
  incident_id: string;
  template: string;
  regime_id: string | null;
  stage_id: string | null;
  text: string;
  drafted_by: string;
  drafted_at: string;
  status: string;
  decided_by: string | null;
  decided_at: string | null;
  message_ts: string | null;
}

const toNotice = (r: Row): Notice => ({
  id: r.id,
  incidentId: r.incident_id,
  template: r.template,
  regimeId: r.regime_id,
  stageId: r.stage_id,
  text: r.text,
  draftedBy: r.drafted_by,
  draftedAt: new Date(r.drafted_at),
  status: r.status as NoticeStatus,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at === null ? null : new Date(r.decided_at),
  messageTs: r.message_ts,
});


/** Notice drafts and their approval. Plain objects out; callers hold the transaction. */
export function noticeRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO notices (incident_id, template, regime_id, stage_id, text, drafted_by, drafted_at)
    VALUES (@incidentId, @template, @regimeId, @stageId, @text, @draftedBy, @draftedAt)`);
  const byId = db.prepare<[number], Row>('SELECT * FROM notices WHERE id = ?');
  const forIncident = db.prepare<[string], Row>('SELECT * FROM notices WHERE incident_id = ? ORDER BY id');
  const latestApproved = db.prepare<[string, string, string], Row>(
    "SELECT * FROM notices WHERE incident_id = ? AND regime_id = ? AND stage_id = ? AND status = 'approved' ORDER BY decided_at DESC, id DESC LIMIT 1",
  );
  const decide = db.prepare("UPDATE notices SET status = ?, decided_by = ?, decided_at = ? WHERE id = ? AND status = 'pending'");
  const setTs = db.prepare('UPDATE notices SET message_ts = ? WHERE id = ?');
  return {
    add: (n: NewNotice): number => Number(insert.run({ ...n, draftedAt: n.draftedAt.toISOString() }).lastInsertRowid),
    get: (id: number): Notice | null => {
      const r = byId.get(id);
      return r ? toNotice(r) : null;
    },
    forIncident: (incidentId: string): Notice[] => forIncident.all(incidentId).map(toNotice),
    /** The most recently approved draft for a stage, if any. */
    latestApproved: (incidentId: string, regimeId: string, stageId: string): Notice | null => {
      const r = latestApproved.get(incidentId, regimeId, stageId);
      return r ? toNotice(r) : null;
    },
    /** Moves a pending notice to `status`; false when it was no longer pending (a double click). */
    decide: (id: number, status: Exclude<NoticeStatus, 'pending'>, by: string, at: Date): boolean =>
      decide.run(status, by, at.toISOString(), id).changes === 1,
    setMessageTs(id: number, ts: string): void {
      setTs.run(ts, id);
    },
  };
}

export type NoticeRepo = ReturnType<typeof noticeRepo>;
