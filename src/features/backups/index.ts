/**
 * Backups of the live database: online copies (`warden backup PATH`, and on a schedule with retention), each with
 * its SHA-256 and the audit head it holds; restores that check a file before replacing anything, and the drill.
 */
import type { Migration } from '../../platform/db/db.js';
import type { Db } from '../../platform/db/db.js';
import { backupFreshness, type BackupFreshness } from './domain/freshness.js';
import { backupRepo } from './store/backup-repo.js';
import { backupInspector } from './store/backup-inspector.js';
import { backupWriter } from './store/backup-writer.js';
import { liveDatabase } from './store/live-database.js';

export { backupsSection } from './config/sections.js';
export { backupsFeature, type BackupsCore, type BackupsOptions } from './jobs/backups-feature.js';
export { migrations } from './store/migrations.js';
export { takeBackup, type BackupDeps } from './app/take-backup.js';
export { checkBackup, restoreBackup, type DrillVerdict, type RestoreDeps, type RestoreVerdict } from './app/restore-backup.js';
export type { AfterRestore, AuditCheck, BackupRecords } from './domain/ports.js';
export { REFUSALS, type BackupFacts, type BackupRecord, type RefusalReason, type Refusal } from './domain/backup.js';
export { ageText, backupFreshness, OVERDUE_AFTER_PERIODS, type BackupFreshness } from './domain/freshness.js';
export { retentionPlan, type RetentionPolicy } from './domain/retention.js';
export { BACKUP_JOB_KIND } from './app/run-scheduled.js';

/** The ports `warden backup` and `warden restore` run on, over the live database file (CLI composition). */
export const backupPorts = {
  records: (db: Db) => backupRepo(db),
  writer: (db: Db) => backupWriter(db.name),
  inspector: (known: readonly Migration[]) => backupInspector(known),
  live: (path: string) => liveDatabase(path),
};

/** The managers' digest's read of backup freshness: one indexed query; `everyMs` null when scheduled backups are off. */
export function backupDigestOf(everyMs: number | null): (db: Db) => (now: Date) => BackupFreshness {
  return (db) => {
    const records = backupRepo(db);
    return (now) => backupFreshness(records.lastGood(), db.memory ? null : everyMs, now);
  };
}
