import { createPrivateKey } from 'node:crypto';
import { auditRepo, checkpointFile, signHead } from '../../../features/audit/index.js';
import { openExistingDb } from '../../../platform/db/db.js';
import { WardenError } from '../../../platform/errors.js';
import type { WardenEnv } from '../../../platform/config/index.js';
import type { CliIo } from '../config-check.js';

/** `warden audit checkpoint`: signs the chain's head now (before a migration, a handover, an audit). */
export function runCheckpoint(io: CliIo, env: WardenEnv, now: Date): number {
  if (!env.audit.key) throw new WardenError('config_invalid', 'WARDEN_AUDIT_KEY (or WARDEN_AUDIT_KEY_FILE) is not set: there is no key to sign with');
  if (!env.audit.checkpointsPath) throw new WardenError('config_invalid', 'WARDEN_AUDIT_CHECKPOINTS: an in-memory database has no checkpoint file; set one');
  const db = openExistingDb(env.dbPath, { readonly: true });
  try {
    const audit = auditRepo(db);
    const cp = signHead({ head: () => audit.head(), file: checkpointFile(env.audit.checkpointsPath) }, createPrivateKey(env.audit.key), now);
    io.out(`signed checkpoint: ${cp.count} entries, head ${cp.head}, at ${cp.at}, appended to ${env.audit.checkpointsPath}`);
    return 0;
  } finally {
    db.close();
  }
}
