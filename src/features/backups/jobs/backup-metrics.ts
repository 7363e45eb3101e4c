import { Gauge, type Registry } from 'prom-client';
import type { BackupFreshness } from '../domain/freshness.js';

/**
 * The last good backup on `/metrics`, read at scrape time (one indexed query). Without a good backup the age is
 * +Inf and the timestamp 0, so an alert on `warden_backup_age_seconds > 7200` fires rather than reading a 0 as fresh.
 */
export function registerBackupSeries(registry: Registry, freshness: () => BackupFreshness): void {
  const seconds = (f: BackupFreshness) => ('at' in f ? { at: f.at.getTime() / 1000, age: f.ageMs / 1000 } : { at: 0, age: Number.POSITIVE_INFINITY });
  new Gauge({
    name: 'warden_backup_last_success_timestamp_seconds',
    help: 'When the last good backup of the database was taken (Unix seconds; 0: none yet).',
    registers: [registry],
    collect() {
      this.set(seconds(freshness()).at);
    },
  });
  new Gauge({
    name: 'warden_backup_age_seconds',
    help: 'Seconds since the last good backup of the database (+Inf: none yet).',
    registers: [registry],
    collect() {
      this.set(seconds(freshness()).age);
    },
  });
}

/** What `/readyz` reports under `checks.lastBackup`. */
export function readinessFact(f: BackupFreshness): unknown {
  if (f.state === 'disabled' || f.state === 'none') return f.state;
  return { at: f.at.toISOString(), ageSeconds: Math.round(f.ageMs / 1000), sha256: f.sha256, overdue: f.overdue };
}
