import { loadEnv } from '../../platform/config/index.js';
import { verifyChain } from '../../features/audit/domain/audit-chain.js';
import { migrate, openDb } from '../../platform/db/db.js';
import { createStore } from '../../features/incidents/store/store.js';
import type { CliIo } from './config-check.js';
import { ALL_MIGRATIONS } from '../../compose-features.js';

/** `warden migrate`: applies pending migrations to WARDEN_DB and says which. */
export function runMigrate(io: CliIo, env: NodeJS.ProcessEnv = process.env): number {
  const { dbPath } = loadEnv(env);
  const db = openDb(dbPath);
  try {
    const applied = migrate(db, ALL_MIGRATIONS);
    io.out(applied.length ? `applied ${applied.join(', ')} to ${dbPath}` : `${dbPath} is up to date`);
    return 0;
  } finally {
    db.close();
  }
}

/** `warden audit verify`: walks the whole audit chain and reports the first broken entry. */
export function runAuditVerify(io: CliIo, env: NodeJS.ProcessEnv = process.env): number {
  const { dbPath } = loadEnv(env);
  const db = openDb(dbPath);
  try {
    migrate(db, ALL_MIGRATIONS);
    const verdict = verifyChain(createStore(db).audit.iterate());
    if (verdict.ok) {
      io.out(`audit chain ok: ${verdict.entries} entries, head ${verdict.head}`);
      return 0;
    }
    io.err(`audit chain BROKEN at entry ${verdict.seq}: ${verdict.reason}`);
    return 1;
  } finally {
    db.close();
  }
}
