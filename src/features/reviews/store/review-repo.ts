import type { Db } from '../../../platform/db/db.js';
import type { Review, ReviewPatch, ReviewStatus } from '../domain/review.js';

interface Row {
  incident_id: string;
  status: string;
  drill: number;
  owner: string;
  due_at: string;
  meeting_at: string | null;
  link: string | null;
  waive_reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  plan_since: string;
  next_reminder: number;
  escalated_at: string | null;
  created_at: string;
  updated_at: string;
}

const date = (s: string | null): Date | null => (s === null ? null : new Date(s));
const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

const fromRow = (r: Row): Review => ({
  incidentId: r.incident_id,
  status: r.status as ReviewStatus,
  drill: r.drill === 1,
  owner: r.owner,
  dueAt: new Date(r.due_at),
  meetingAt: date(r.meeting_at),
  link: r.link,
  waiveReason: r.waive_reason,
  decidedBy: r.decided_by,
  decidedAt: date(r.decided_at),
  planSince: new Date(r.plan_since),
  nextReminder: r.next_reminder,
  escalatedAt: date(r.escalated_at),
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

const COLUMNS: Record<keyof ReviewPatch, string> = {
  status: 'status',
  drill: 'drill',
  owner: 'owner',
  dueAt: 'due_at',
  meetingAt: 'meeting_at',
  link: 'link',
  waiveReason: 'waive_reason',
  decidedBy: 'decided_by',
  decidedAt: 'decided_at',
  planSince: 'plan_since',
  nextReminder: 'next_reminder',
  escalatedAt: 'escalated_at',
  updatedAt: 'updated_at',
};

const toColumn = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : typeof value === 'boolean' ? Number(value) : value);

/** Reviews, one per incident, over SQLite. */
export function reviewRepo(db: Db) {
  const get = db.prepare<[string], Row>('SELECT * FROM reviews WHERE incident_id = ?');
  const insert = db.prepare(`INSERT INTO reviews (incident_id, status, drill, owner, due_at, meeting_at, plan_since, next_reminder, created_at, updated_at)
    VALUES (@incidentId, @status, @drill, @owner, @dueAt, @meetingAt, @planSince, @nextReminder, @createdAt, @updatedAt)`);
  const openFor = db.prepare<[string, number], Row>("SELECT * FROM reviews WHERE owner = ? AND status = 'scheduled' ORDER BY due_at LIMIT ?");
  const countOpenFor = db.prepare<[string], { n: number }>("SELECT count(*) AS n FROM reviews WHERE owner = ? AND status = 'scheduled'");
  // Both read the partial index reviews_open_due: the cost follows the open reviews, not every review stored.
  const overdue = db.prepare<[string, number], Row>("SELECT * FROM reviews WHERE status = 'scheduled' AND due_at <= ? ORDER BY due_at LIMIT ?");
  const countOverdue = db.prepare<[string], { n: number }>("SELECT count(*) AS n FROM reviews WHERE status = 'scheduled' AND due_at <= ?");
  return {
    get: (incidentId: string): Review | null => {
      const row = get.get(incidentId);
      return row ? fromRow(row) : null;
    },
    insert(r: Review): void {
      insert.run({ ...r, drill: Number(r.drill), dueAt: iso(r.dueAt), meetingAt: iso(r.meetingAt), planSince: iso(r.planSince), createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt) });
    },
    update(incidentId: string, patch: ReviewPatch): void {
      const keys = Object.keys(patch) as (keyof ReviewPatch)[];
      if (keys.length === 0) return;
      const sets = keys.map((k) => `${COLUMNS[k]} = @${k}`).join(', ');
      const values = Object.fromEntries(keys.map((k) => [k, toColumn(patch[k])]));
      db.prepare(`UPDATE reviews SET ${sets} WHERE incident_id = @incidentId`).run({ ...values, incidentId });
    },
    /** A person's reviews still to write, soonest due first (indexed), and how many there are in all. */
    openOwnedBy: (userId: string, limit: number): { reviews: Review[]; total: number } => ({
      reviews: openFor.all(userId, limit).map(fromRow),
      total: countOpenFor.get(userId)?.n ?? 0,
    }),
    /** Reviews still to write past their due time, most overdue first, and how many there are in all. */
    overdue: (now: Date, limit: number): { reviews: Review[]; total: number } => ({
      reviews: overdue.all(now.toISOString(), limit).map(fromRow),
      total: countOverdue.get(now.toISOString())?.n ?? 0,
    }),
  };
}

export type ReviewRepo = ReturnType<typeof reviewRepo>;
