import { createHash } from 'node:crypto';
import { entryBody } from './audit-chain.js';

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

/** The entry's canonical body numbered `seq`, or null when its stored details are not JSON. */
function storedBody(e: StoredEntry, seq: number = e.seq): string | null {
  let details: Record<string, unknown>;
  try {
    details = JSON.parse(e.details) as Record<string, unknown>;
  } catch {
    return null;
  }
  return entryBody(seq, { at: e.at, actor: e.actor, action: e.action, incidentId: e.incidentId, details });
}

/**
 * The exact bytes (after `prevHash` and a newline) whose SHA-256 is the entry's hash, numbered `seq`; null when
 * they do not hash to it (the entry was edited, or belongs elsewhere). The common case never gets here: the walk's
 * quick check hashes the body the database builds from the stored text.
 */
export function hashedBody(e: StoredEntry, seq: number = e.seq): string | null {
  const body = storedBody(e, seq);
  return body !== null && createHash('sha256').update(e.prevHash).update('\n').update(body).digest('hex') === e.hash ? body : null;
}
