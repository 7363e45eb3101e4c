/**
 * How fresh the last good backup is, for `/readyz`, `/metrics` and the managers' digest. Overdue: no good backup
 * within twice the schedule's period (one missed run is tolerated; two are not). Pure: `now` is a parameter.
 */
/** The last good backup as its row says it. */
export interface GoodBackup {
  takenAt: Date;
  facts: { sha256: string } | null;
}

export type BackupFreshness =
  | { state: 'disabled' }
  | { state: 'none'; everyMs: number; overdue: true }
  | { state: 'ok' | 'overdue'; everyMs: number; overdue: boolean; at: Date; ageMs: number; sha256: string };

export const OVERDUE_AFTER_PERIODS = 2;

export function backupFreshness(last: GoodBackup | null, everyMs: number | null, now: Date): BackupFreshness {
  if (everyMs === null) return { state: 'disabled' };
  if (!last) return { state: 'none', everyMs, overdue: true };
  const ageMs = Math.max(0, now.getTime() - last.takenAt.getTime());
  const overdue = ageMs > OVERDUE_AFTER_PERIODS * everyMs;
  return { state: overdue ? 'overdue' : 'ok', everyMs, overdue, at: last.takenAt, ageMs, sha256: last.facts?.sha256 ?? '' };
}

/** `1h 05m`, `0h 12m`, `3d 4h`: how old data is, as the restore drill and the digest say it. */
export function ageText(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `${days}d ${hours}h`;
  return `${hours}h ${String(mins).padStart(2, '0')}m`;
}
