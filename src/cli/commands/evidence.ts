/**
 * `warden evidence`: writes the evidence pack of one incident for auditors (docs/evidence.md).
 *
 *   warden evidence INC-2026-0042 [--out DIR]
 *
 * Reads WARDEN_DB without writing to it (opened read-only; a missing file is an error, never a new database).
 * Exit codes: 0 written, 1 refused (unknown incident, existing pack, invalid configuration), 2 bad usage.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ALL_MIGRATIONS, loadPlaybookDirs } from '../../compose-features.js';
import { loadClockCatalog, loadConfig, vocabularyOf, type WardenConfig } from '../../config/index.js';
import { actionItemsOf } from '../../features/actions/index.js';
import { buildEvidencePack, evidenceSourcesOf } from '../../features/evidence/index.js';
import { createStore } from '../../features/incidents/index.js';
import { loadEnv } from '../../platform/config/index.js';
import { isMigrated, openExistingDb, type Db } from '../../platform/db/db.js';
import { WardenError } from '../../platform/errors.js';
import { PACKAGE_ROOT } from '../package-root.js';
import type { CliIo } from './config-check.js';
import { auditProofOf } from './audit/proof.js';

export const EVIDENCE_USAGE = 'usage: warden evidence INC-2026-0042 [--out DIR]   (DIR defaults to ./evidence; the pack goes in DIR/INC-2026-0042/)';

/** Runs `warden evidence` with the arguments after `evidence`; `now` is when the pack is made. */
export async function runEvidence(argv: string[], io: CliIo, env: NodeJS.ProcessEnv, now: Date): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } }, strict: true, allowPositionals: true });
  } catch (e) {
    io.err(`warden evidence: ${e instanceof Error ? e.message : String(e)}\n${EVIDENCE_USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    io.out(EVIDENCE_USAGE);
    return 0;
  }
  const [id, ...extra] = parsed.positionals;
  if (!id || extra.length > 0 || parsed.values.out === '') {
    io.err(`warden evidence: ${!id ? 'name the incident' : parsed.values.out === '' ? '--out needs a directory' : `one incident at a time, not ${extra.join(' ')}`}\n${EVIDENCE_USAGE}`);
    return 2;
  }
  const config = loadConfig(env.WARDEN_CONFIG?.trim() || undefined).config;
  const wardenEnv = loadEnv(env);
  const db = openExisting(wardenEnv.dbPath);
  try {
    const proof = await auditProofOf(db, wardenEnv, id.trim());
    const pack = buildEvidencePack(sourcesFor(db, config), id.trim(), {
      auditProof: () => proof,
      outDir: parsed.values.out ?? 'evidence',
      now,
      wardenVersion: wardenVersion(),
      timeZone: config.company.timeZone,
    });
    io.out(`wrote the evidence pack of ${id.trim()} to ${pack.dir} (${pack.files.length} files); check it with: cd ${pack.dir} && sha256sum -c MANIFEST.sha256`);
    return 0;
  } finally {
    db.close();
  }
}

function sourcesFor(db: Db, config: WardenConfig) {
  const settings = {
    clockCatalog: loadClockCatalog(config, [join(PACKAGE_ROOT, 'regimes')]),
    playbooks: loadPlaybookDirs(config.playbooks.dirs, vocabularyOf(config)),
    actionItems: actionItemsOf(db),
  };
  return evidenceSourcesOf(db, createStore(db), settings);
}

/** WARDEN_DB read-only, as it is: a missing file or a database behind on migrations is refused by name. */
function openExisting(dbPath: string): Db {
  const db = openExistingDb(dbPath, { readonly: true });
  if (!isMigrated(db, ALL_MIGRATIONS)) {
    db.close();
    throw new WardenError('config_invalid', `The database at ${dbPath} is not migrated to this Warden version: run \`warden migrate\` first.`);
  }
  return db;
}

function wardenVersion(): string {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}
