import { loadEnv } from '../../platform/config/index.js';
import { migrate, openDb } from '../../platform/db/db.js';
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
