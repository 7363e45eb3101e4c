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

/**
 * The canonical body without parsing `details` or escaping the short fields: right whenever the stored text is
 * canonical and the fields need no escaping (ids, actions, ISO instants: every entry Warden writes). Anything
 * else fails this hash and takes the exact, slower path, so the shortcut never accepts what the rule would not.
 */
function bodyFromStored(e: StoredEntry, seq: number): string {
  const incident = e.incidentId === null ? 'null' : `"${e.incidentId}"`;
  return `{"action":"${e.action}","actor":"${e.actor}","at":"${e.at}","details":${e.details},"incidentId":${incident},"seq":${seq}}`;
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
