import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { WardenError } from '../errors.js';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Db = Database.Database;

/** Opens (creating if needed) the SQLite file with WAL, foreign keys and a busy timeout. */
export function openDb(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  return db;
}

/**
 * Opens a database that must already exist: a maintenance command (verify, export, evidence, backup) pointed at a
 * mistyped WARDEN_DB must say so, never create an empty database and report on it. Read-only leaves the journal
 * mode as it is and refuses every write.
 */
export function openExistingDb(path: string, opts: { readonly?: boolean } = {}): Db {
  if (path === ':memory:' || !existsSync(path)) throw new WardenError('not_found', `WARDEN_DB: there is no database at ${path}`);
  const db = new Database(path, { fileMustExist: true, readonly: opts.readonly ?? false });
  db.pragma('busy_timeout = 5000');
  return db;
}

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Data work after the SQL, in the same transaction (a backfill that needs code, such as hashing). */
  after?: (db: Db) => void;
}

/** The numbered `NNN-name.sql` files in a feature's migrations folder (a `file:` URL or a path), in order. */
export function sqlMigrationsIn(dirUrl: URL | string): Migration[] {
  const dir = typeof dirUrl === 'string' ? dirUrl : fileURLToPath(dirUrl);
  return readdirSync(dir)
    .filter((f) => /^\d{3}-[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(join(dir, f), 'utf8') }));
}

/** Applies every migration not yet applied, each in its own transaction, in version order. Returns the names applied. */
export function migrate(db: Db, migrations: readonly Migration[]): string[] {
  assertDistinctVersions(migrations);
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const done = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applied: string[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      m.after?.(db);
      record.run(m.version, m.name, new Date().toISOString());
    })();
    applied.push(m.name);
  }
  return applied;
}

/** True when every bundled migration has been applied (readiness). */
export function isMigrated(db: Db, migrations: readonly Migration[]): boolean {
  try {
    const done = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
    return migrations.every((m) => done.has(m.version));
  } catch {
    return false;
  }
}

/**
 * `isMigrated` for `/readyz`, remembered once true: migrations only ever move forward while Warden runs, so a
 * probe every few seconds need not re-read schema_migrations. Until then each call checks again.
 */
export function migrationCheck(db: Db, migrations: readonly Migration[]): () => boolean {
  let migrated = false;
  return () => (migrated ||= isMigrated(db, migrations));
}

/** Two features claiming one version number would leave one of them silently unapplied. */
function assertDistinctVersions(migrations: readonly Migration[]): void {
  const seen = new Map<number, string>();
  for (const m of migrations) {
    const other = seen.get(m.version);
    if (other) throw new Error(`Migrations ${other} and ${m.name} share version ${m.version}.`);
    seen.set(m.version, m.name);
  }
}
