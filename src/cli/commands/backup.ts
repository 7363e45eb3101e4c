/**
 * `warden backup` and `warden restore`, against WARDEN_DB:
 *
 *   warden backup PATH               an online backup (safe while Warden runs and writes), PATH.sha256 beside it
 *   warden backup list [--json]      the backups recorded in the live database, newest first
 *   warden restore PATH              check PATH, then replace the live database with it (stop Warden first)
 *   warden restore --check PATH      the restore drill: every check and a trial restore; replaces nothing
 *
 * Exit codes: 0 done, 1 failed, 2 bad usage; a refused restore exits with its reason's code (docs/backups.md).
 */
import { resolve } from 'node:path';
import { publicKeysFrom } from './audit/keys.js';
import { parseArgs } from 'node:util';
import { ALL_MIGRATIONS } from '../../compose-features.js';
import { signRestore, verifyAuditDatabase } from '../../features/audit/index.js';
import { ageText, backupPorts, checkBackup, REFUSALS, restoreBackup, takeBackup, type AfterRestore, type AuditCheck, type BackupRecord, type Refusal, type RestoreDeps } from '../../features/backups/index.js';
import { createStore } from '../../features/incidents/index.js';
import { loadEnv, type WardenEnv } from '../../platform/config/index.js';
import { migrate, openExistingDb, type Db } from '../../platform/db/db.js';
import { WardenError } from '../../platform/errors.js';
import type { CliIo } from './config-check.js';

export const BACKUP_USAGE = 'usage: warden backup PATH | warden backup list [--json]';
export const RESTORE_USAGE = 'usage: warden restore PATH | warden restore --check PATH';

/**
 * The audit check a restore runs on the backup: everything `warden audit verify` checks, against the live
 * checkpoint file, with the backup read as an earlier state of the chain (the checkpoints it predates are the
 * data the restore gives up). A backup of another Warden, or one rewritten, fails the checkpoints it should match.
 */
export function checkpointCheck(env: WardenEnv): AuditCheck {
  return async (db) => {
    const report = await verifyAuditDatabase(db, { checkpoints: env.audit.checkpointsPath, publicKeys: publicKeysFrom([], env), timeline: createStore(db).timeline.digests(), earlierState: true });
    const [problem] = report.problems;
    return problem ? { ok: false, problem: `${problem.kind}: ${problem.message}` } : { ok: true, entries: report.entries, head: report.head };
  };
}

/** What a caller may swap in: the audit check and the hook run once a restored database is in place. */
export interface RestoreHooks {
  auditCheck?: AuditCheck;
  afterRestore?: AfterRestore;
}

function liveDbPath({ dbPath }: WardenEnv): string {
  if (dbPath === ':memory:') throw new WardenError('bad_input', 'WARDEN_DB is :memory:: an in-memory database has no file to back up or restore');
  return resolve(dbPath);
}

/**
 * With WARDEN_AUDIT_KEY set, a restore is on the signed record: a `restore` checkpoint of the head the backup holds,
 * so `warden audit verify` knows the entries later checkpoints covered were lost by this restore, not cut off.
 */
function signedRestore({ audit }: WardenEnv, now: () => Date): AfterRestore | undefined {
  const { key, checkpointsPath } = audit;
  if (!key || !checkpointsPath) return undefined;
  return ({ path }) => {
    const db = openExistingDb(path, { readonly: true });
    try {
      signRestore(db, { key, path: checkpointsPath }, now());
    } finally {
      db.close();
    }
  };
}

/** The live database, which must exist: a mistyped WARDEN_DB is an error, never a backup of a new empty file. */
function openLive(path: string): Db {
  const db = openExistingDb(path);
  migrate(db, ALL_MIGRATIONS);
  return db;
}

export async function runBackup(argv: string[], io: CliIo, env: NodeJS.ProcessEnv, now: () => Date): Promise<number> {
  const parsed = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false } }, allowPositionals: true, strict: false });
  const [target, ...extra] = parsed.positionals;
  if (!target || extra.length > 0) return usage(io, BACKUP_USAGE);
  const path = liveDbPath(loadEnv(env));
  const db = openLive(path);
  try {
    if (target === 'list') {
      const rows = backupPorts.records(db).list(1000);
      io.out(parsed.values.json ? JSON.stringify(rows.map(listJson), null, 2) : listText(rows));
      return 0;
    }
    const dest = resolve(target);
    if (dest === path) throw new WardenError('bad_input', `${dest} is the live database itself: choose another path`);
    // Warden may be writing meanwhile: the records take the write lock up front (BEGIN IMMEDIATE, waiting out the
    // busy timeout) rather than fail on a read snapshot Warden moved past between reading the audit head and writing.
    const store = { ...createStore(db), transaction: <T>(fn: () => T): T => db.transaction(fn).immediate() };
    const record = await takeBackup({ store, records: backupPorts.records(db), writer: backupPorts.writer(db), clock: { now } }, dest, 'manual', 'warden-cli');
    const f = record.facts;
    io.out(`backup written: ${dest} (${f?.bytes ?? 0} bytes)\n  sha256 ${f?.sha256} (in ${dest}.sha256)\n  audit head: ${f?.auditEntries} entries, ${f?.auditHead}\n  data as of ${f?.dataAsOf?.toISOString() ?? '-'}`);
    return 0;
  } finally {
    db.close();
  }
}

export async function runRestore(argv: string[], io: CliIo, env: NodeJS.ProcessEnv, now: () => Date, hooks: RestoreHooks = {}): Promise<number> {
  const parsed = parseArgs({ args: argv, options: { check: { type: 'boolean', default: false } }, allowPositionals: true, strict: false });
  const [target, ...extra] = parsed.positionals;
  if (!target || extra.length > 0) return usage(io, RESTORE_USAGE);
  const parsedEnv = loadEnv(env);
  const live = liveDbPath(parsedEnv);
  const backup = resolve(target);
  const afterRestore = hooks.afterRestore ?? signedRestore(parsedEnv, now);
  if (backup === live) throw new WardenError('bad_input', `${backup} is the live database itself: restore from a backup file`);
  const deps: RestoreDeps = {
    inspector: backupPorts.inspector(ALL_MIGRATIONS),
    live: backupPorts.live(live),
    auditCheck: hooks.auditCheck ?? checkpointCheck(parsedEnv),
    clock: { now },
    ...(afterRestore ? { afterRestore } : {}),
  };
  if (parsed.values.check) {
    const started = Date.now();
    const verdict = await checkBackup(deps, backup);
    if (!verdict.ok) return refused(io, verdict);
    const { facts, ageMs } = verdict;
    const asOf = facts.dataAsOf ? `data as of ${facts.dataAsOf.toISOString()} (${ageText(ageMs ?? 0)} old)` : 'no audit entry yet (an empty database)';
    io.out(`restorable: ${asOf}\n  ${facts.auditEntries} audit entries, head ${facts.auditHead}; sha256 ${facts.sha256}\n  checks and a trial restore took ${Date.now() - started} ms; nothing was replaced`);
    return 0;
  }
  const verdict = await restoreBackup(deps, backup);
  if (!verdict.ok) return refused(io, verdict);
  const { facts, replaced, head } = verdict;
  io.out(
    [
      `restored ${backup} into ${live}`,
      `  ${facts.auditEntries} audit entries, head ${facts.auditHead}; data as of ${facts.dataAsOf?.toISOString() ?? '-'}`,
      `  audit chain now ${head.entries} entries (backup.restored appended), head ${head.head}`,
      replaced ? `  the replaced database is at ${replaced}` : '  there was no database to replace',
      ...(afterRestore && !hooks.afterRestore ? [`  signed a restore checkpoint of entry ${facts.auditEntries} in ${parsedEnv.audit.checkpointsPath}`] : []),
      '  start Warden again: it migrates the restored database if it is older',
    ].join('\n'),
  );
  return 0;
}

function refused(io: CliIo, r: Refusal): number {
  io.err(`warden restore: refused (${r.reason}): ${r.problem}\nthe live database was not touched`);
  return REFUSALS[r.reason];
}

function usage(io: CliIo, text: string): number {
  io.err(text);
  return 2;
}

const listJson = (r: BackupRecord) => ({
  path: r.path,
  kind: r.kind,
  takenAt: r.takenAt.toISOString(),
  status: r.status,
  bytes: r.facts?.bytes ?? null,
  sha256: r.facts?.sha256 ?? null,
  auditEntries: r.facts?.auditEntries ?? null,
  auditHead: r.facts?.auditHead ?? null,
  dataAsOf: r.facts?.dataAsOf?.toISOString() ?? null,
  error: r.error,
});

function listText(rows: readonly BackupRecord[]): string {
  if (rows.length === 0) return 'no backups recorded yet (warden backup PATH takes one)';
  const lines = rows.map((r) => {
    const what = r.facts ? `${String(r.facts.bytes).padStart(12)}  ${r.facts.sha256.slice(0, 12)}  ${String(r.facts.auditEntries).padStart(8)}` : `${'-'.padStart(12)}  ${'-'.padEnd(12)}  ${'-'.padStart(8)}`;
    return `${r.takenAt.toISOString()}  ${r.kind.padEnd(9)}  ${r.status.padEnd(6)}  ${what}  ${r.path}${r.error ? `  (${r.error})` : ''}`;
  });
  return [`${'taken at'.padEnd(24)}  ${'kind'.padEnd(9)}  status  ${'bytes'.padStart(12)}  ${'sha256'.padEnd(12)}  ${'entries'.padStart(8)}  path`, ...lines].join('\n');
}
