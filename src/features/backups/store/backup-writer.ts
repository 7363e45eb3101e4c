import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { WardenError } from '../../../platform/errors.js';
import type { BackupWriter } from '../domain/ports.js';
import type { BackupFacts } from '../domain/backup.js';
import { copyInWorker } from './copy-in-worker.js';
import { sidecarOf, writeSidecar } from './sha256.js';

const removeQuietly = (path: string) => rmSync(path, { force: true });

/**
 * Writes backups of the live database file at `source`: the online copy goes to `dest.partial`, is sealed into one
 * self-contained file (a rollback journal, not WAL: nothing beside it to lose when it is moved or uploaded), passes
 * `integrity_check` and is hashed (all in a worker thread, see copy-in-worker.ts); only then is it renamed to
 * `dest`, with `dest.sha256` beside it. A crash or a failed check leaves no file under the real name; a file
 * already there is never overwritten.
 */
export function backupWriter(source: string, firstStepPages?: number): BackupWriter {
  return {
    async write(dest: string): Promise<BackupFacts> {
      if (existsSync(dest)) throw new WardenError('conflict', `${dest} already exists: choose a new path (a backup is never overwritten)`);
      mkdirSync(dirname(dest), { recursive: true });
      const partial = `${dest}.partial`;
      const cleanUp = () => ['', '-journal', '-wal', '-shm'].forEach((s) => removeQuietly(partial + s));
      cleanUp(); // what a crashed attempt left
      try {
        const copy = await copyInWorker(source, partial, firstStepPages);
        renameSync(partial, dest);
        writeSidecar(dest, copy.sha256);
        return { bytes: statSync(dest).size, sha256: copy.sha256, auditEntries: copy.entries, auditHead: copy.head, dataAsOf: copy.dataAsOf ? new Date(copy.dataAsOf) : null };
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
