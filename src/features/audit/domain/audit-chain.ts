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
 * editing, removing or reordering any entry breaks every hash after it. `details`: the facts' details as
 * canonical JSON, when the caller has them already (an append stores that text too).
 */
export function auditHash(prevHash: string, seq: number, facts: AuditFacts, details = canonicalJson(facts.details)): string {
  return createHash('sha256').update(prevHash).update('\n').update(bodyOf(seq, facts, details)).digest('hex');
}

/** What an entry's hash covers after the previous hash and a newline: its canonical JSON (docs/audit.md). */
export function entryBody(seq: number, facts: AuditFacts): string {
  return bodyOf(seq, facts, canonicalJson(facts.details));
}

/**
 * `canonicalJson({ seq, at, actor, action, incidentId, details })` from details already canonical: written out in
 * its sorted key order, so the details are not sorted and serialised a second time. Anything but the declared
 * types (a seq that is not an integer, a field that is not a string) goes the general way, byte for byte the same.
 */
function bodyOf(seq: number, facts: AuditFacts, details: string): string {
  const { at, actor, action, incidentId } = facts;
  const plain = Number.isSafeInteger(seq) && typeof at === 'string' && typeof actor === 'string' && typeof action === 'string' && (incidentId === null || typeof incidentId === 'string');
  if (!plain) return canonicalJson({ seq, at, actor, action, incidentId, details: JSON.parse(details) as unknown });
  return `{"action":${JSON.stringify(action)},"actor":${JSON.stringify(actor)},"at":${JSON.stringify(at)},"details":${details},"incidentId":${JSON.stringify(incidentId)},"seq":${seq}}`;
}

export function chainEntry(prev: Pick<AuditEntry, 'seq' | 'hash'> | null, facts: AuditFacts, details = canonicalJson(facts.details)): AuditEntry {
  const seq = (prev?.seq ?? 0) + 1;
  const prevHash = prev?.hash ?? GENESIS_HASH;
  return { ...facts, seq, prevHash, hash: auditHash(prevHash, seq, facts, details) };
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
