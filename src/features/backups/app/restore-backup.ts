import type { Clock } from '../../../platform/clock.js';
import type { BackupFacts, Refusal } from '../domain/backup.js';
import { utcStamp } from '../domain/names.js';
import type { AfterRestore, AuditCheck, BackupInspector, LiveDatabase } from '../domain/ports.js';

export interface RestoreDeps {
  inspector: BackupInspector;
  live: LiveDatabase;
  /** The port the audit feature replaces with its checkpoint-aware check. */
  auditCheck: AuditCheck;
  clock: Clock;
  afterRestore?: AfterRestore;
}

export type DrillVerdict = { ok: true; facts: BackupFacts; ageMs: number | null } | Refusal;

/**
 * The restore drill (`warden restore --check`): every check a restore makes, then a trial restore into a scratch
 * directory migrated as `warden start` would; nothing is replaced. `ageMs` is how old the backup's data is now:
 * the recovery point actually achieved.
 */
export async function checkBackup(deps: RestoreDeps, path: string): Promise<DrillVerdict> {
  const inspection = await deps.inspector.inspect(path, deps.auditCheck);
  if (!inspection.ok) return inspection;
  const trial = await deps.inspector.trial(path);
  if (!trial.ok) return { ok: false, reason: 'corrupt', problem: `${path}: ${trial.problem}` };
  const { dataAsOf } = inspection.facts;
  return { ok: true, facts: inspection.facts, ageMs: dataAsOf ? deps.clock.now().getTime() - dataAsOf.getTime() : null };
}

export type RestoreVerdict = { ok: true; facts: BackupFacts; replaced: string | null; head: { entries: number; head: string } } | Refusal;

/**
 * `warden restore PATH`: refuses a backup that fails any check, and a live database another process holds open,
 * without touching the live database. Otherwise the live file (and its -wal/-shm) moves aside to
 * `<db>.replaced-<UTC stamp>`, the backup is copied in, `afterRestore` runs with the audit head the backup holds,
 * and then `backup.restored` is appended to the restored chain.
 */
export async function restoreBackup(deps: RestoreDeps, path: string): Promise<RestoreVerdict> {
  const inspection = await deps.inspector.inspect(path, deps.auditCheck);
  if (!inspection.ok) return inspection;
  if (deps.live.inUse()) return { ok: false, reason: 'in_use', problem: `${deps.live.path} is open in another process: stop Warden first, then restore` };
  const { facts } = inspection;
  const now = deps.clock.now();
  const { replaced } = await deps.live.swapIn(path, facts.sha256, utcStamp(now));
  // The hook sees the chain exactly as the backup holds it (a signed restore checkpoint covers that head), and
  // the restore itself is the first entry after it.
  deps.afterRestore?.({ entries: facts.auditEntries, head: facts.auditHead, path: deps.live.path });
  const head = deps.live.recordRestored(now, {
    from: path,
    sha256: facts.sha256,
    restoredEntries: facts.auditEntries,
    restoredHead: facts.auditHead,
    dataAsOf: facts.dataAsOf?.toISOString() ?? null,
    replaced,
  });
  return { ok: true, facts, replaced, head };
}
