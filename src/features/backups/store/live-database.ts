import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDb } from '../../../platform/db/db.js';
import { WardenError } from '../../../platform/errors.js';
import { auditRepo } from '../../audit/index.js';
import type { LiveDatabase } from '../domain/ports.js';
import { sha256File } from './sha256.js';

const SIDE_FILES = ['-wal', '-shm'] as const;

/**
 * Whether another connection holds the file open. In WAL mode every open connection keeps a shared lock on the
 * database file; asking for an exclusive one without waiting fails while Warden (or anything else) has it open.
 */
function isOpenElsewhere(path: string): boolean {
  const probe = new Database(path, { fileMustExist: true, timeout: 0 });
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('COMMIT');
    return false;
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw e;
  } finally {
    probe.close();
  }
}

/** The live database file at `path`, as a restore replaces it. */
export function liveDatabase(path: string): LiveDatabase {
  return {
    path,
    exists: () => existsSync(path),
    inUse: () => existsSync(path) && isOpenElsewhere(path),
    async swapIn(backup: string, sha256: string, stamp: string) {
      // The backup is copied next to the live file first, so the window without a database is two renames long.
      const incoming = `${path}.restoring`;
      mkdirSync(dirname(path), { recursive: true });
      rmSync(incoming, { force: true });
      copyFileSync(backup, incoming);
      const copied = await sha256File(incoming);
      if (copied !== sha256) {
        rmSync(incoming, { force: true });
        throw new WardenError('upstream_failed', `the copy of ${backup} does not match the checked file (SHA-256 ${copied}, expected ${sha256}): the live database was not touched`);
      }
      let replaced: string | null = null;
      if (existsSync(path)) {
        replaced = `${path}.replaced-${stamp}`;
        // The -wal keeps its name next to the moved file, so the replaced database opens with its last writes.
        renameSync(path, replaced);
        for (const side of SIDE_FILES) if (existsSync(path + side)) renameSync(path + side, replaced + side);
      }
      renameSync(incoming, path);
      return { replaced };
    },
    recordRestored(at: Date, details: Record<string, unknown>) {
      const db = openDb(path);
      try {
        const audit = auditRepo(db);
        const entry = db.transaction(() => audit.append({ at: at.toISOString(), actor: 'warden-cli', action: 'backup.restored', incidentId: null, details }))();
        return { entries: entry.seq, head: entry.hash };
      } finally {
        db.close();
      }
    },
  };
}
