import { join } from 'node:path';
import { z } from 'zod';
import type { IncidentStore } from '../../incidents/index.js';
import { scheduledFileName } from '../domain/names.js';
import type { RetentionPolicy } from '../domain/retention.js';
import { firstSlot, slotAfter, slotDone } from '../domain/schedule.js';
import { pruneBackups } from './prune-backups.js';
import { takeBackup, type BackupDeps } from './take-backup.js';

/** The scheduled backup's durable job: one per slot of the schedule (its idempotency key is the slot). */
export const BACKUP_JOB_KIND = 'backup.run';

const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO instant');
export const runPayload = z.object({ slot: instant });
export type RunPayload = z.infer<typeof runPayload>;

/** warden.yaml `backups`, resolved: where scheduled backups go, how often, how many are kept. */
export interface BackupSchedule {
  dir: string;
  everyMs: number;
  keep: RetentionPolicy;
}

export interface ScheduledBackupDeps extends BackupDeps {
  store: Pick<IncidentStore, 'audit' | 'transaction' | 'jobs'>;
  schedule: BackupSchedule;
}

function queueSlot(deps: ScheduledBackupDeps, slot: Date): void {
  const iso = slot.toISOString();
  deps.store.transaction(() => deps.store.jobs.enqueue({ kind: BACKUP_JOB_KIND, dueAt: slot, payload: { slot: iso }, idemKey: `${BACKUP_JOB_KIND}@${iso}` }, deps.clock.now()));
}

const lastGoodAt = (deps: ScheduledBackupDeps) => deps.records.lastGood('scheduled')?.takenAt ?? null;

/** At start-up: the next slot after the last good scheduled backup (queued once, whatever the number of restarts). */
export function scheduleBackups(deps: ScheduledBackupDeps): void {
  queueSlot(deps, firstSlot(lastGoodAt(deps), deps.clock.now(), deps.schedule.everyMs));
}

/**
 * A slot falls due. The next slot is queued first, so a backup that fails for good never ends the schedule; a slot
 * a good backup already covers does nothing more (a retry after success, a catch-up job after a restart). A failed
 * backup throws: the job runner retries it with backoff. After a good one, retention prunes.
 */
export async function runScheduledBackup(deps: ScheduledBackupDeps, p: RunPayload): Promise<void> {
  const now = deps.clock.now();
  queueSlot(deps, slotAfter(now, deps.schedule.everyMs));
  if (slotDone(new Date(p.slot), lastGoodAt(deps))) return;
  await takeBackup(deps, join(deps.schedule.dir, scheduledFileName(now)), 'scheduled', 'warden');
  pruneBackups(deps, deps.schedule.keep);
}
