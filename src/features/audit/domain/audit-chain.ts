import { createHash } from 'node:crypto';

/** What an audit entry says, before it is chained. */
export interface AuditFacts {
  at: string;
  actor: string;
  action: string;
  incidentId: string | null;
  details: Readonly<Record<string, unknown>>;
}

export interface AuditEntry extends AuditFacts {
  seq: number;
  prevHash: string;
  hash: string;
}

/** The hash the first entry chains from. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * SHA-256 over the previous hash and the entry's canonical JSON (keys sorted at every depth), so that
 * editing, removing or reordering any entry breaks every hash after it.
 */
export function auditHash(prevHash: string, seq: number, facts: AuditFacts): string {
  return createHash('sha256').update(prevHash).update('\n').update(entryBody(seq, facts)).digest('hex');
}

/** What an entry's hash covers after the previous hash and a newline: its canonical JSON (docs/audit.md). */
export function entryBody(seq: number, facts: AuditFacts): string {
  const { at, actor, action, incidentId, details } = facts;
  return canonicalJson({ seq, at, actor, action, incidentId, details });
}

export function chainEntry(prev: Pick<AuditEntry, 'seq' | 'hash'> | null, facts: AuditFacts): AuditEntry {
  const seq = (prev?.seq ?? 0) + 1;
  const prevHash = prev?.hash ?? GENESIS_HASH;
  return { ...facts, seq, prevHash, hash: auditHash(prevHash, seq, facts) };
}

/** JSON with object keys sorted recursively; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const obj = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort()
        .map((k) => [k, sortKeys(obj[k])]),
    );
  }
  return value;
}
