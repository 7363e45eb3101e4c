import type { Db } from '../../../platform/db/db.js';

/** The append-only triggers of the audit chain and the timeline (migrations 001 and 013). */
export const GUARDS = ['audit_log_no_update', 'audit_log_no_delete', 'timeline_no_update', 'timeline_no_delete'] as const;

/** The guards that are gone, or replaced by a trigger that no longer aborts the change. */
export function missingGuards(db: Db): string[] {
  const sqlOf = db.prepare<[string], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?");
  return GUARDS.filter((name) => !/RAISE\s*\(\s*ABORT/i.test(sqlOf.get(name)?.sql ?? ''));
}
