import type { Db } from '../../../platform/db/db.js';
import { compareActionIds, type ActionItem, type ActionPatch, type ActionStatus } from '../domain/action-item.js';

interface Row {
  incident_id: string;
  id: string;
  text: string;
  owner: string;
  due_at: string;
  status: string;
  evidence: string | null;
  created_by: string;
  created_at: string;
  done_by: string | null;
  done_at: string | null;
  plan_since: string;
  next_reminder: number;
  escalated_at: string | null;
}

const date = (s: string | null): Date | null => (s === null ? null : new Date(s));
const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

const toItem = (r: Row): ActionItem => ({
  incidentId: r.incident_id,
  id: r.id,
  text: r.text,
  owner: r.owner,
  dueAt: new Date(r.due_at),
  status: r.status as ActionStatus,
  evidence: r.evidence,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
  doneBy: r.done_by,
  doneAt: date(r.done_at),
  planSince: new Date(r.plan_since),
  nextReminder: r.next_reminder,
  escalatedAt: date(r.escalated_at),
});

const COLUMNS: Record<keyof ActionPatch, string> = {
  owner: 'owner',
  dueAt: 'due_at',
  status: 'status',
  evidence: 'evidence',
  doneBy: 'done_by',
  doneAt: 'done_at',
  planSince: 'plan_since',
  nextReminder: 'next_reminder',
  escalatedAt: 'escalated_at',
};

/** Action items over SQLite: prepared statements, plain objects out. */
export function actionRepo(db: Db) {
  const get = db.prepare<[string, string], Row>('SELECT * FROM action_items WHERE incident_id = ? AND id = ?');
  const ofIncident = db.prepare<[string], Row>('SELECT * FROM action_items WHERE incident_id = ?');
  const ids = db.prepare<[string], string>('SELECT id FROM action_items WHERE incident_id = ?').pluck();
  const insert = db.prepare(`INSERT INTO action_items (incident_id, id, text, owner, due_at, status, evidence, created_by, created_at, done_by, done_at, plan_since, next_reminder, escalated_at)
    VALUES (@incidentId, @id, @text, @owner, @dueAt, @status, @evidence, @createdBy, @createdAt, @doneBy, @doneAt, @planSince, @nextReminder, @escalatedAt)`);
  const owned = db.prepare<[string, number], Row>("SELECT * FROM action_items WHERE owner = ? AND status = 'open' ORDER BY due_at LIMIT ?");
  const ownedCount = db.prepare<[string], number>("SELECT count(*) FROM action_items WHERE owner = ? AND status = 'open'").pluck();
  // Through the partial index of open items: the cost follows the open items, not every item ever done.
  const overdue = db.prepare<[string, number], Row>("SELECT * FROM action_items INDEXED BY action_items_open_owner WHERE status = 'open' AND due_at <= ? ORDER BY due_at LIMIT ?");
  const overdueCount = db.prepare<[string], number>("SELECT count(*) FROM action_items INDEXED BY action_items_open_owner WHERE status = 'open' AND due_at <= ?").pluck();
  return {
    get: (incidentId: string, id: string): ActionItem | null => {
      const r = get.get(incidentId, id);
      return r ? toItem(r) : null;
    },
    ofIncident: (incidentId: string): ActionItem[] => ofIncident.all(incidentId).map(toItem).sort((a, b) => compareActionIds(a.id, b.id)),
    idsOf: (incidentId: string): string[] => ids.all(incidentId) as string[],
    insert: (item: ActionItem): void =>
      void insert.run({
        ...item,
        dueAt: iso(item.dueAt),
        createdAt: iso(item.createdAt),
        doneAt: iso(item.doneAt),
        planSince: iso(item.planSince),
        escalatedAt: iso(item.escalatedAt),
      }),
    update(incidentId: string, id: string, patch: ActionPatch): void {
      const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as [keyof ActionPatch, unknown][];
      if (entries.length === 0) return;
      const sets = entries.map(([k]) => `${COLUMNS[k]} = @${k}`).join(', ');
      const values = Object.fromEntries(entries.map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
      db.prepare(`UPDATE action_items SET ${sets} WHERE incident_id = @incidentId AND id = @id`).run({ ...values, incidentId, id });
    },
    openOwnedBy: (owner: string, limit: number): ActionItem[] => owned.all(owner, limit).map(toItem),
    openCountOf: (owner: string): number => ownedCount.get(owner) as number,
    /** Open items past their due time, most overdue first, and how many there are in all. */
    overdue: (now: Date, limit: number): { items: ActionItem[]; total: number } => ({ items: overdue.all(now.toISOString(), limit).map(toItem), total: overdueCount.get(now.toISOString()) as number }),
  };
}
