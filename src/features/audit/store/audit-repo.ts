import { chainEntry, type AuditEntry, type AuditFacts } from '../domain/audit-chain.js';
import type { Db } from '../../../platform/db/db.js';

interface Row {
  seq: number;
  at: string;
  actor: string;
  action: string;
  incident_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

const toEntry = (r: Row): AuditEntry => ({
  seq: r.seq,
  at: r.at,
  actor: r.actor,
  action: r.action,
  incidentId: r.incident_id,
  details: JSON.parse(r.details) as Record<string, unknown>,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** The append-only audit chain. `append` must run inside the transaction of the change it records. */
export function auditRepo(db: Db) {
  const head = db.prepare<[], Row>('SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare(`INSERT INTO audit_log (seq, at, actor, action, incident_id, details, prev_hash, hash)
    VALUES (@seq, @at, @actor, @action, @incidentId, @details, @prevHash, @hash)`);
  const all = db.prepare<[], Row>('SELECT * FROM audit_log ORDER BY seq');
  const forIncident = db.prepare<[string], Row>('SELECT * FROM audit_log WHERE incident_id = ? ORDER BY seq');
  return {
    append(facts: AuditFacts): AuditEntry {
      const prev = head.get();
      const entry = chainEntry(prev ? { seq: prev.seq, hash: prev.hash } : null, facts);
      insert.run({ ...entry, details: JSON.stringify(entry.details) });
      return entry;
    },
    /** Every entry in order, streamed so verifying a long chain does not load it whole. */
    *iterate(): Generator<AuditEntry> {
      for (const r of all.iterate()) yield toEntry(r);
    },
    forIncident: (incidentId: string) => forIncident.all(incidentId).map(toEntry),
  };
}

export type AuditRepo = ReturnType<typeof auditRepo>;
