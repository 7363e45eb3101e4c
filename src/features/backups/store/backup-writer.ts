import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from '../../../platform/db/db.js';
import { WardenError } from '../../../platform/errors.js';
import type { BackupWriter } from '../domain/ports.js';
import type { BackupFacts } from '../domain/backup.js';
import { onlineCopy } from './online-copy.js';
import { auditHeadOf, integrityProblem, openCopy } from './read-copy.js';
import { sha256File, sidecarOf, writeSidecar } from './sha256.js';

const removeQuietly = (path: string) => rmSync(path, { force: true });

/**
 * A copy of the live database is a single self-contained file: the online copy carries the live file's WAL mode in
 * its header, so it is switched to a rollback journal (no -wal beside it to lose when it is moved or uploaded).
 */
function seal(path: string): void {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/**
 * Writes backups of `db`: the online copy goes to `dest.partial`, is sealed, passes `integrity_check`, is hashed,
 * and only then is renamed to `dest`, with `dest.sha256` beside it. A crash or a failed check leaves no file under
 * the real name; a file already there is never overwritten.
 */
export function backupWriter(db: Db, firstStepPages?: number): BackupWriter {
  return {
    async write(dest: string): Promise<BackupFacts> {
      if (existsSync(dest)) throw new WardenError('conflict', `${dest} already exists: choose a new path (a backup is never overwritten)`);
      mkdirSync(dirname(dest), { recursive: true });
      const partial = `${dest}.partial`;
      const cleanUp = () => ['', '-journal', '-wal', '-shm'].forEach((s) => removeQuietly(partial + s));
      cleanUp(); // what a crashed attempt left
      try {
        await onlineCopy(db, partial, firstStepPages);
        seal(partial);
        const copy = openCopy(partial);
        let head;
        try {
          const problem = integrityProblem(copy, partial);
          if (problem) throw new WardenError('upstream_failed', `the copy failed its check: ${problem.problem}`);
          head = auditHeadOf(copy);
        } finally {
          copy.close();
        }
        const sha256 = await sha256File(partial);
        renameSync(partial, dest);
        writeSidecar(dest, sha256);
        return { bytes: statSync(dest).size, sha256, auditEntries: head.entries, auditHead: head.head, dataAsOf: head.dataAsOf };
      } catch (e) {
        cleanUp();
        throw e;
      }
    },
    remove(path: string): void {
      removeQuietly(path);
      removeQuietly(sidecarOf(path));
    },
  };
}
