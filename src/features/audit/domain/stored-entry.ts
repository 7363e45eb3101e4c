import { createHash } from 'node:crypto';
import { canonicalJson } from './audit-chain.js';

/** An audit entry as the table stores it: `details` is the JSON text, canonical for entries written since checkpoints. */
export interface StoredEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  incidentId: string | null;
  details: string;
  prevHash: string;
  hash: string;
}

const q = JSON.stringify;

/**
 * The canonical body without parsing `details`: correct when the stored text is already canonical (keys in
 * `auditHash`'s sorted order: action, actor, at, details, incidentId, seq). Verification tries it first.
 */
function bodyFromStored(e: StoredEntry, seq: number): string {
  return `{"action":${q(e.action)},"actor":${q(e.actor)},"at":${q(e.at)},"details":${e.details},"incidentId":${q(e.incidentId)},"seq":${seq}}`;
}

function canonicalBody(e: StoredEntry, seq: number): string | null {
  let details: unknown;
  try {
    details = JSON.parse(e.details);
  } catch {
    return null;
  }
  return canonicalJson({ seq, at: e.at, actor: e.actor, action: e.action, incidentId: e.incidentId, details });
}

const sha256 = (prevHash: string, body: string) => createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');

/**
 * The exact bytes (after `prevHash` and a newline) whose SHA-256 is the entry's hash, numbered `seq`; null when
 * neither the stored text nor its canonical form hashes to it (the entry was edited, or belongs elsewhere).
 */
export function hashedBody(e: StoredEntry, seq: number = e.seq): string | null {
  const fast = bodyFromStored(e, seq);
  if (sha256(e.prevHash, fast) === e.hash) return fast;
  const slow = canonicalBody(e, seq);
  return slow !== null && slow !== fast && sha256(e.prevHash, slow) === e.hash ? slow : null;
}
