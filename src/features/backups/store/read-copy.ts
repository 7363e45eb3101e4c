import Database from 'better-sqlite3';
import type { Db } from '../../../platform/db/db.js';
import type { Refusal } from '../domain/backup.js';

/** Opens a backup read-only: checking it never writes to it (and never leaves a -wal or -shm beside it). */
export const openCopy = (path: string): Db => new Database(path, { readonly: true, fileMustExist: true });

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** `PRAGMA integrity_check` on the whole file; SQLite's first problems when it is not "ok". */
export function integrityProblem(db: Db, path: string): Refusal | null {
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    if (rows.length === 1 && rows[0]?.integrity_check === 'ok') return null;
    return { ok: false, reason: 'corrupt', problem: `${path} fails integrity_check: ${rows.slice(0, 3).map((r) => r.integrity_check).join('; ')}` };
  } catch (e) {
    return { ok: false, reason: 'corrupt', problem: `${path} fails integrity_check: ${message(e)}` };
  }
}

/** The audit head inside a copy (its last entry's seq and hash) and the newest entry's time. */
export function auditHeadOf(db: Db): { entries: number; head: string; dataAsOf: Date | null } {
  const head = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get();
  const newest = db.prepare<[], string | null>('SELECT max(at) FROM audit_log').pluck().get() ?? null;
  return { entries: head?.seq ?? 0, head: head?.hash ?? '0'.repeat(64), dataAsOf: newest ? new Date(newest) : null };
}

/**
 * The copy's migrations must all be ones this Warden ships, by version and name: a newer Warden's database (a
 * migration it does not know) or another application's (no `schema_migrations`, or other names) is refused.
 */
export function migrationProblem(db: Db, path: string, known: ReadonlyMap<number, string>): Refusal | null {
  let applied: { version: number; name: string }[];
  try {
    applied = db.prepare<[], { version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version').all();
    db.prepare('SELECT seq FROM audit_log LIMIT 1').get();
  } catch {
    return { ok: false, reason: 'foreign', problem: `${path} is not a Warden database (no schema_migrations or audit_log table)` };
  }
  const unknown = applied.filter((m) => known.get(m.version) !== m.name);
  if (unknown.length === 0) return null;
  const names = unknown.map((m) => `${String(m.version).padStart(3, '0')} ${m.name}`).join(', ');
  return { ok: false, reason: 'foreign', problem: `${path} has migrations this Warden does not know: ${names} (a newer Warden's database, or another application's)` };
}
