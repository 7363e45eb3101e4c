import type { Db } from '../../../platform/db/db.js';
import type { BackupFacts, BackupKind, BackupRecord, Inspection } from './backup.js';

/**
 * Verifies the audit chain of a backup (opened read-only) before it is restored. A port: the CLI passes the audit
 * feature's verification against the signed checkpoints (src/cli/commands/backup.ts `checkpointCheck`).
 */
export type AuditCheck = (db: Db) => AuditCheckResult | Promise<AuditCheckResult>;
export type AuditCheckResult = { ok: true; entries: number; head: string } | { ok: false; problem: string };

/**
 * Called once the restored database is in place, before anything is appended to it: `entries` and `head` are the
 * audit head the backup holds, `path` the live database (the audit feature signs a "restore" checkpoint of it).
 */
export type AfterRestore = (restored: { entries: number; head: string; path: string }) => void;

/** The `backups` table of the live database. */
export interface BackupRecords {
  recordOk(b: { path: string; kind: BackupKind; takenAt: Date; facts: BackupFacts }): BackupRecord;
  recordFailed(b: { path: string; kind: BackupKind; takenAt: Date; error: string }): BackupRecord;
  /** The newest good backup (of a kind, or any): one indexed read. */
  lastGood(kind?: BackupKind): BackupRecord | null;
  /** The newest first, at most `limit`. */
  list(limit: number): BackupRecord[];
  /** Every good scheduled backup: what retention decides about. */
  goodScheduled(): BackupRecord[];
  markPruned(ids: readonly number[]): void;
}

/** Writes a checked copy of the live database under `dest` (never a half file under that name). */
export interface BackupWriter {
  write(dest: string): Promise<BackupFacts>;
  /** Deletes a backup file and its `.sha256` beside it; a file already gone is fine. */
  remove(path: string): void;
}

/** Opens a file as a backup and checks it: header, size, sidecar SHA-256, integrity, migrations, audit chain. */
export interface BackupInspector {
  inspect(path: string, auditCheck: AuditCheck): Promise<Inspection>;
  /** Copies the backup to a scratch place and migrates it as `warden start` would: proves it opens. */
  trial(path: string): Promise<{ ok: true } | { ok: false; problem: string }>;
}

/** The live database file a restore replaces. */
export interface LiveDatabase {
  path: string;
  exists(): boolean;
  /** True while a process (Warden) holds the database open. */
  inUse(): boolean;
  /**
   * Copies `backup` in (checking its SHA-256 again once copied) after moving the live file and its -wal/-shm aside
   * to `<db>.replaced-<stamp>`. Returns where the old one went (null when there was none).
   */
  swapIn(backup: string, sha256: string, stamp: string): Promise<{ replaced: string | null }>;
  /** Appends `backup.restored` to the restored database's audit chain; returns the chain's new head. */
  recordRestored(at: Date, details: Record<string, unknown>): { entries: number; head: string };
}
