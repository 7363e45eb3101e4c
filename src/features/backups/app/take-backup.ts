import type { Clock } from '../../../platform/clock.js';
import { isWardenError } from '../../../platform/errors.js';
import type { IncidentStore } from '../../incidents/index.js';
import type { BackupKind, BackupRecord } from '../domain/backup.js';
import type { BackupRecords, BackupWriter } from '../domain/ports.js';

export interface BackupDeps {
  store: Pick<IncidentStore, 'audit' | 'transaction'>;
  records: BackupRecords;
  writer: BackupWriter;
  clock: Clock;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Takes an online backup of the live database to `dest` and records it: a `backups` row and `backup.taken` in the
 * audit chain (with the file's SHA-256 and the audit head the copy holds), in one transaction. A failed attempt is
 * recorded too (`backup.failed`), so the age of the last good backup tells the truth; a destination that already
 * exists is refused before anything is written, and is no attempt.
 */
export async function takeBackup(deps: BackupDeps, dest: string, kind: BackupKind, actor: string): Promise<BackupRecord> {
  let facts;
  try {
    facts = await deps.writer.write(dest);
  } catch (e) {
    if (isWardenError(e) && e.code === 'conflict') throw e;
    const at = deps.clock.now();
    const error = messageOf(e);
    deps.store.transaction(() => {
      deps.records.recordFailed({ path: dest, kind, takenAt: at, error });
      deps.store.audit.append({ at: at.toISOString(), actor, action: 'backup.failed', incidentId: null, details: { path: dest, kind, error } });
    });
    throw e;
  }
  const takenAt = deps.clock.now();
  return deps.store.transaction(() => {
    const record = deps.records.recordOk({ path: dest, kind, takenAt, facts });
    const details = { path: dest, kind, sha256: facts.sha256, bytes: facts.bytes, auditEntries: facts.auditEntries, auditHead: facts.auditHead };
    deps.store.audit.append({ at: takenAt.toISOString(), actor, action: 'backup.taken', incidentId: null, details });
    return record;
  });
}
