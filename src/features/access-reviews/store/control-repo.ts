import type { Db } from '../../../platform/db/db.js';
import { everyFromText, everyToText, type ControlKind } from '../domain/cadence.js';
import type { Control, ControlPeriod, ControlType, PeriodPatch } from '../domain/control.js';

interface ControlRow {
  id: string;
  name: string;
  type: string;
  kind: string;
  owner: string | null;
  every: string;
  evidence: string | null;
  source: string;
  since: string;
  active: number;
}

interface PeriodRow {
  control_id: string;
  start: string;
  due: string;
  status: string;
  done_by: string | null;
  done_at: string | null;
  evidence: string | null;
  late: number;
  plan_since: string;
  next_reminder: number;
  escalated_at: string | null;
}

const date = (s: string | null): Date | null => (s === null ? null : new Date(s));

const toControl = (r: ControlRow): Control => ({
  id: r.id,
  name: r.name,
  type: r.type as ControlType,
  kind: r.kind as ControlKind,
  owner: r.owner,
  every: everyFromText(r.every),
  evidence: r.evidence,
  source: r.source as Control['source'],
  since: new Date(r.since),
  active: r.active === 1,
});

const toPeriod = (r: PeriodRow): ControlPeriod => ({
  controlId: r.control_id,
  start: new Date(r.start),
  due: new Date(r.due),
  status: r.status as ControlPeriod['status'],
  doneBy: r.done_by,
  doneAt: date(r.done_at),
  evidence: r.evidence,
  late: r.late === 1,
  planSince: new Date(r.plan_since),
  nextReminder: r.next_reminder,
  escalatedAt: date(r.escalated_at),
});

const COLUMNS: Record<keyof PeriodPatch, string> = {
  status: 'status',
  doneBy: 'done_by',
  doneAt: 'done_at',
  evidence: 'evidence',
  late: 'late',
  nextReminder: 'next_reminder',
  escalatedAt: 'escalated_at',
};

const sqlValue = (v: unknown) => (v instanceof Date ? v.toISOString() : typeof v === 'boolean' ? Number(v) : v);

// The owner a control has: a stored `/access-review owner` wins over the configured or added one.
const CONTROL_SELECT = 'SELECT c.id, c.name, c.type, c.kind, COALESCE(o.owner, c.owner) AS owner, c.every, c.evidence, c.source, c.since, c.active FROM controls c LEFT JOIN control_owners o ON o.control_id = c.id';

// Periods of a control no longer configured are kept, not reported.
const ACTIVE = 'JOIN controls c ON c.id = p.control_id AND c.active = 1';

/** Controls and their periods over SQLite: prepared statements, plain objects out. */
export function controlRepo(db: Db) {
  const all = db.prepare<[], ControlRow>(`${CONTROL_SELECT} ORDER BY c.type, c.id`);
  const get = db.prepare<[string], ControlRow>(`${CONTROL_SELECT} WHERE c.id = ?`);
  const upsertConfig = db.prepare(`INSERT INTO controls (id, name, type, kind, owner, every, evidence, source, since, active)
    VALUES (@id, @name, @type, @kind, @owner, @every, @evidence, 'config', @since, 1)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type, kind = excluded.kind, owner = excluded.owner, every = excluded.every, evidence = excluded.evidence, source = 'config', active = 1`);
  const insertAdded = db.prepare(`INSERT INTO controls (id, name, type, kind, owner, every, evidence, source, added_by, since, active)
    VALUES (@id, @name, @type, @kind, @owner, @every, @evidence, 'added', @addedBy, @since, 1)`);
  const retire = db.prepare<[string]>("UPDATE controls SET active = 0 WHERE source = 'config' AND id NOT IN (SELECT value FROM json_each(?))");
  const setOwner = db.prepare(`INSERT INTO control_owners (control_id, owner, set_by, set_at) VALUES (@id, @owner, @by, @at)
    ON CONFLICT (control_id) DO UPDATE SET owner = excluded.owner, set_by = excluded.set_by, set_at = excluded.set_at`);
  const period = db.prepare<[string, string], PeriodRow>('SELECT * FROM control_periods WHERE control_id = ? AND start = ?');
  const latest = db.prepare<[string], PeriodRow>('SELECT * FROM control_periods WHERE control_id = ? ORDER BY start DESC LIMIT 1');
  const oldestOpen = db.prepare<[string], PeriodRow>("SELECT * FROM control_periods WHERE control_id = ? AND status = 'open' ORDER BY start LIMIT 1");
  const openOf = db.prepare<[string], PeriodRow>("SELECT * FROM control_periods WHERE control_id = ? AND status = 'open' ORDER BY start");
  const lastDone = db.prepare<[string], PeriodRow>("SELECT * FROM control_periods WHERE control_id = ? AND status = 'done' ORDER BY start DESC LIMIT 1");
  const insertPeriod = db.prepare(`INSERT OR IGNORE INTO control_periods (control_id, start, due, status, plan_since, next_reminder)
    VALUES (@controlId, @start, @due, 'open', @planSince, 0)`);
  const overdue = db.prepare<[string, number], PeriodRow>(`SELECT p.* FROM control_periods p ${ACTIVE} WHERE p.status = 'open' AND p.due < ? ORDER BY p.due, p.control_id LIMIT ?`);
  const overdueCount = db.prepare<[string], number>(`SELECT count(*) FROM control_periods p ${ACTIVE} WHERE p.status = 'open' AND p.due < ?`).pluck();
  const one = <R, T>(row: R | undefined, to: (r: R) => T): T | null => (row ? to(row) : null);
  return {
    all: (): Control[] => all.all().map(toControl),
    get: (id: string): Control | null => one(get.get(id), toControl),
    upsertConfig: (c: Omit<Control, 'source' | 'active'>): void => void upsertConfig.run({ ...c, every: everyToText(c.every), since: c.since.toISOString() }),
    insertAdded: (c: Omit<Control, 'source' | 'active'>, addedBy: string): void => void insertAdded.run({ ...c, every: everyToText(c.every), since: c.since.toISOString(), addedBy }),
    retireConfigNotIn: (ids: readonly string[]): void => void retire.run(JSON.stringify(ids)),
    setOwner: (id: string, owner: string, by: string, at: Date): void => void setOwner.run({ id, owner, by, at: at.toISOString() }),
    period: (controlId: string, start: Date): ControlPeriod | null => one(period.get(controlId, start.toISOString()), toPeriod),
    latest: (controlId: string): ControlPeriod | null => one(latest.get(controlId), toPeriod),
    oldestOpen: (controlId: string): ControlPeriod | null => one(oldestOpen.get(controlId), toPeriod),
    openOf: (controlId: string): ControlPeriod[] => openOf.all(controlId).map(toPeriod),
    lastDone: (controlId: string): ControlPeriod | null => one(lastDone.get(controlId), toPeriod),
    insertPeriod: (p: { controlId: string; start: Date; due: Date; planSince: Date }): boolean =>
      insertPeriod.run({ controlId: p.controlId, start: p.start.toISOString(), due: p.due.toISOString(), planSince: p.planSince.toISOString() }).changes === 1,
    updatePeriod(controlId: string, start: Date, patch: PeriodPatch): void {
      const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as [keyof PeriodPatch, unknown][];
      if (entries.length === 0) return;
      const sets = entries.map(([k]) => `${COLUMNS[k]} = @${k}`).join(', ');
      const values = Object.fromEntries(entries.map(([k, v]) => [k, sqlValue(v)]));
      db.prepare(`UPDATE control_periods SET ${sets} WHERE control_id = @controlId AND start = @start`).run({ ...values, controlId, start: start.toISOString() });
    },
    overdue: (now: Date, limit: number): ControlPeriod[] => overdue.all(now.toISOString(), limit).map(toPeriod),
    overdueCount: (now: Date): number => overdueCount.get(now.toISOString()) as number,
  };
}
