import { dirname, join } from 'node:path';
import type { Registry } from 'prom-client';
import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/db.js';
import type { Feature } from '../../../platform/feature.js';
import { defineJob } from '../../../platform/jobs/define-job.js';
import { BACKUP_JOB_KIND, runPayload, runScheduledBackup, scheduleBackups, type ScheduledBackupDeps } from '../app/run-scheduled.js';
import { backupFreshness } from '../domain/freshness.js';
import type { RetentionPolicy } from '../domain/retention.js';
import { backupRepo } from '../store/backup-repo.js';
import { backupWriter } from '../store/backup-writer.js';
import { migrations } from '../store/migrations.js';
import { readinessFact, registerBackupSeries } from './backup-metrics.js';

/** What this feature needs of the shared core: the live database, the store its records join, the clock. */
export interface BackupsCore {
  db: Db;
  deps: { store: ScheduledBackupDeps['store']; clock: Clock };
}

/** warden.yaml `backups` as the feature reads it. */
export interface BackupsOptions {
  /** null: `backups/` beside the database file. */
  dir: string | null;
  /** null: no scheduled backups (`every: off`). */
  everyMs: number | null;
  keep: RetentionPolicy;
}

/**
 * Scheduled online backups with retention, and the age of the last good one on `/readyz` and `/metrics`. An
 * in-memory database (WARDEN_DB=:memory:) has no file to restore into: scheduled backups are off and `/readyz` says
 * `disabled`.
 */
export function backupsFeature(opts: BackupsOptions): Feature<BackupsCore> {
  return {
    name: 'backups',
    migrations,
    plug(core) {
      const { db } = core;
      const records = backupRepo(db);
      const everyMs = db.memory ? null : opts.everyMs;
      const freshness = () => backupFreshness(records.lastGood(), everyMs, core.deps.clock.now());
      const observed = { readiness: { lastBackup: () => readinessFact(freshness()) }, metrics: (r: Registry) => registerBackupSeries(r, freshness) };
      if (everyMs === null) return observed;
      const schedule = { dir: opts.dir ?? join(dirname(db.name), 'backups'), everyMs, keep: opts.keep };
      const deps: ScheduledBackupDeps = { store: core.deps.store, records, writer: backupWriter(db.name), clock: core.deps.clock, schedule };
      // Start-up: the next slot is a durable job (queued once, whatever the number of restarts).
      scheduleBackups(deps);
      return { ...observed, jobs: [defineJob({ kind: BACKUP_JOB_KIND, payload: runPayload, run: (p) => runScheduledBackup(deps, p), maxAttempts: 6 })] };
    },
  };
}
