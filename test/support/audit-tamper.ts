import { auditHash } from '../../src/features/audit/index.js';
import type { Db } from '../../src/platform/db/db.js';

/** Swaps two audit entries' contents in place (with the append-only triggers already out of the way), hashes kept. */
export function swapAuditRows(db: Db, a: number, b: number): void {
  const row = (seq: number) => db.prepare('SELECT at, actor, action, incident_id, details, prev_hash, hash FROM audit_log WHERE seq = ?').get(seq) as Record<string, string>;
  const [ra, rb] = [row(a), row(b)];
  const set = (seq: number, r: Record<string, string>, hash: string) =>
    db.prepare('UPDATE audit_log SET at = ?, actor = ?, action = ?, incident_id = ?, details = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(r.at, r.actor, r.action, r.incident_id, r.details, r.prev_hash, hash, seq);
  set(a, rb, 'swap-tmp');
  set(b, ra, ra.hash!);
  db.prepare('UPDATE audit_log SET hash = ? WHERE seq = ?').run(rb.hash, a);
}

/** The append-only guards an attacker with the file lifts first. */
const GUARDS = JSON.stringify(['audit_log_no_update', 'audit_log_no_delete', 'timeline_no_update', 'timeline_no_delete']);

/**
 * Raw access as an attacker with the file has it: the append-only guards lifted for `fn`, then put back as they
 * were. Only the guards: other triggers (job counts, migration 016's read columns, the metrics sums) stay.
 */
export function withGuardsLifted(db: Db, fn: () => void): void {
  const guards = db.prepare<[string], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (SELECT value FROM json_each(?))").all(GUARDS);
  for (const g of guards) db.exec(`DROP TRIGGER ${g.name}`);
  fn();
  for (const g of guards) db.exec(g.sql);
}

/**
 * Recomputes the hashes of entries `from` to `to` (by default to the head) from entry `from - 1`'s, as an attacker
 * covering an edit would. Each entry goes through a placeholder hash first, so no two rows hold one hash meanwhile.
 */
export function rehashAuditRows(db: Db, from: number, to = Number.MAX_SAFE_INTEGER): void {
  const rows = db.prepare<[number, number], { seq: number; at: string; actor: string; action: string; incident_id: string | null; details: string }>('SELECT * FROM audit_log WHERE seq BETWEEN ? AND ? ORDER BY seq').all(from, to);
  let prev = db.prepare<[number], string>('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(from - 1) ?? '0'.repeat(64);
  for (const r of rows) {
    const hash = auditHash(prev, r.seq, { at: r.at, actor: r.actor, action: r.action, incidentId: r.incident_id, details: JSON.parse(r.details) as Record<string, unknown> });
    db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, `tmp-${r.seq}`, r.seq);
    db.prepare('UPDATE audit_log SET hash = ? WHERE seq = ?').run(hash, r.seq);
    prev = hash;
  }
}

/**
 * Stores `actor` as entry `seq`'s actor, a BLOB, as an attacker with the file can once they rewrite the
 * table's schema without STRICT (the sqlite3 shell lets them, through `writable_schema`; better-sqlite3 only out of
 * its defensive mode). The append-only guards must be out of the way already.
 */
export function storeActorAsBlob(db: Db, seq: number, actor: string): void {
  db.unsafeMode(true);
  db.pragma('writable_schema = ON');
  db.prepare("UPDATE sqlite_schema SET sql = replace(sql, ') STRICT', ')') WHERE type = 'table' AND name = 'audit_log'").run();
  db.pragma('writable_schema = RESET');
  db.unsafeMode(false);
  db.prepare('UPDATE audit_log SET actor = ? WHERE seq = ?').run(Buffer.from(actor), seq);
}
