import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * A signed statement of the audit chain's state: how many entries it holds and the hash of the last one, at a
 * time, chained to the previous checkpoint's signature (CloudTrail's digest files, Certificate Transparency's
 * signed tree heads). Published outside the database, it makes a cut-off or rewritten tail visible.
 *
 * A `restore` checkpoint records that the database was restored from a backup holding `count` entries: the
 * entries earlier checkpoints covered beyond it were lost by the restore, on the record, not by tampering.
 */
export type CheckpointKind = 'checkpoint' | 'restore';

export interface CheckpointFacts {
  kind: CheckpointKind;
  count: number;
  head: string;
  /** UTC ISO instant. */
  at: string;
  /** The previous checkpoint's signature (base64); empty for the first. */
  prev: string;
}

export interface Checkpoint extends CheckpointFacts {
  v: 1;
  /** The signing key's id (`keyIdOf`): which published public key verifies `sig`. */
  key: string;
  /** Ed25519 signature (base64) over `checkpointMessage`. */
  sig: string;
}

export const CHECKPOINT_MAGIC = 'warden-audit-checkpoint/v1';

/** The exact bytes signed: six lines joined by `\n`, no trailing newline (docs/audit.md rebuilds them with printf). */
export function checkpointMessage(f: CheckpointFacts): string {
  return [CHECKPOINT_MAGIC, f.kind, String(f.count), f.head, f.at, f.prev].join('\n');
}

/** The first 16 hex digits of the SHA-256 of the public key's SPKI DER encoding. */
export function keyIdOf(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

export function signCheckpoint(facts: CheckpointFacts, privateKey: KeyObject): Checkpoint {
  const sig = sign(null, Buffer.from(checkpointMessage(facts)), privateKey).toString('base64');
  return { v: 1, ...facts, key: keyIdOf(privateKey), sig };
}

/** True when one of `publicKeys` verifies the checkpoint's signature. */
export function signatureVerifies(cp: Checkpoint, publicKeys: readonly KeyObject[]): boolean {
  const message = Buffer.from(checkpointMessage(cp));
  const signature = Buffer.from(cp.sig, 'base64');
  return publicKeys.some((key) => {
    try {
      return verify(null, message, key, signature);
    } catch {
      return false;
    }
  });
}

/** One line of the checkpoint file, in a fixed key order. */
export function checkpointLine(cp: Checkpoint): string {
  const { v, kind, count, head, at, prev, key, sig } = cp;
  return JSON.stringify({ v, kind, count, head, at, prev, key, sig });
}
