import { createPrivateKey, type KeyObject } from 'node:crypto';
import type { Db } from '../../platform/db/db.js';
import { signHead } from './app/checkpointer.js';
import type { Checkpoint } from './domain/checkpoint.js';
import { auditRepo } from './store/audit-repo.js';
import { checkpointFile } from './store/checkpoint-file-store.js';

/**
 * After `warden restore`: a signed `restore` checkpoint of the restored chain's head, so the verifier knows the
 * entries earlier checkpoints covered beyond it were lost by a restore on the record, not cut off by an attacker.
 */
export function signRestore(db: Db, setup: { key: string | KeyObject; path: string }, now: Date): Checkpoint {
  const audit = auditRepo(db);
  const key = typeof setup.key === 'string' ? createPrivateKey(setup.key) : setup.key;
  return signHead({ head: () => audit.head(), file: checkpointFile(setup.path) }, key, now, 'restore');
}
