/** `warden patch import|kev import`: against WARDEN_DB, with the patch SLAs of warden.yaml. */
import { loadConfig, patchPolicyFrom } from '../../config/index.js';
import { runPatchCli } from '../../features/patches/index.js';
import { loadEnv } from '../../platform/config/index.js';
import { migrate, openExistingDb } from '../../platform/db/db.js';
import { ALL_MIGRATIONS } from '../../compose-features.js';
import type { CliIo } from './config-check.js';

export function runPatch(argv: string[], io: CliIo, env: NodeJS.ProcessEnv, now: Date): number {
  const { config } = loadConfig(env.WARDEN_CONFIG?.trim() || undefined);
  // Imported into a database Warden does not run on, findings would never be chased: WARDEN_DB must exist.
  const db = openExistingDb(loadEnv(env).dbPath);
  try {
    migrate(db, ALL_MIGRATIONS);
    return runPatchCli(argv, io, { db, policy: patchPolicyFrom(config), managersChannel: config.channels.managers || null, clock: { now: () => now } });
  } finally {
    db.close();
  }
}
