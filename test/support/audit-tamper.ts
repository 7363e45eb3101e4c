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
