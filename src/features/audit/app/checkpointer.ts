import type { KeyObject } from 'node:crypto';
import { GENESIS_HASH } from '../domain/audit-chain.js';
import { signCheckpoint, type Checkpoint, type CheckpointKind } from '../domain/checkpoint.js';

/** Where checkpoints come from and go: the chain's head, and the published file (see store/checkpoint-file-store.ts). */
export interface CheckpointPorts {
  head(): { count: number; hash: string | null };
  file: { last(): Checkpoint | null; append(cp: Checkpoint): void };
}

/**
 * Signs the chain's head now, chained to the newest published checkpoint, and publishes it before returning.
 * Every hourly run signs, even with nothing new: the unbroken series is itself evidence that nothing was
 * removed in between (CloudTrail writes its digest files hourly for the same reason).
 */
export function signHead(ports: CheckpointPorts, key: KeyObject, now: Date, kind: CheckpointKind = 'checkpoint'): Checkpoint {
  const head = ports.head();
  const previous = ports.file.last();
  const cp = signCheckpoint({ kind, count: head.count, head: head.hash ?? GENESIS_HASH, at: now.toISOString(), prev: previous?.sig ?? '' }, key);
  ports.file.append(cp);
  return cp;
}

/** True when the chain moved since `last` (a shutdown with nothing new signs nothing). */
export function headMoved(ports: CheckpointPorts, last: Checkpoint | null): boolean {
  const head = ports.head();
  return !last || last.count !== head.count || last.head !== (head.hash ?? GENESIS_HASH);
}
