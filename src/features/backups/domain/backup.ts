/** What Warden knows of one backup, and why a file is refused as a backup. Plain data, shared by every layer. */

export const BACKUP_KINDS = ['manual', 'scheduled'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export const BACKUP_STATUSES = ['ok', 'failed', 'pruned'] as const;
export type BackupStatus = (typeof BACKUP_STATUSES)[number];

/** What a checked copy holds: its bytes and SHA-256, the audit head inside it and the newest data time. */
export interface BackupFacts {
  bytes: number;
  sha256: string;
  /** The audit head inside the copy: entries (the head's seq) and the head entry's hash. */
  auditEntries: number;
  auditHead: string;
  /** The newest audit entry's time: what a restore brings back. null for a database with no audit entry yet. */
  dataAsOf: Date | null;
}

/** One row of the `backups` table. */
export interface BackupRecord {
  id: number;
  path: string;
  kind: BackupKind;
  takenAt: Date;
  status: BackupStatus;
  facts: BackupFacts | null;
  error: string | null;
}

/**
 * Why `warden restore` refuses a file, each with its own exit code (scripts and drills tell them apart). The live
 * database is never touched when a restore is refused.
 */
export const REFUSALS = {
  missing: 3,
  not_sqlite: 4,
  truncated: 5,
  sha_mismatch: 6,
  corrupt: 7,
  foreign: 8,
  audit_broken: 9,
  in_use: 10,
} as const;
export type RefusalReason = keyof typeof REFUSALS;

export interface Refusal {
  ok: false;
  reason: RefusalReason;
  problem: string;
}

export type Inspection = { ok: true; facts: BackupFacts } | Refusal;
