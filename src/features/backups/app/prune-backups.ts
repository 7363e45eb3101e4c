import { retentionPlan, type RetentionPolicy } from '../domain/retention.js';
import type { BackupDeps } from './take-backup.js';

/**
 * Applies retention to the scheduled backups (manual ones are never pruned): deletes each pruned file and its
 * `.sha256`, marks its row pruned and audits the prune (`backup.pruned`, with the paths), in one transaction.
 * Returns the paths pruned.
 */
export function pruneBackups(deps: BackupDeps, policy: RetentionPolicy): string[] {
  const now = deps.clock.now();
  const { prune, keep } = retentionPlan(deps.records.goodScheduled(), policy, now);
  if (prune.length === 0) return [];
  for (const b of prune) deps.writer.remove(b.path);
  const paths = prune.map((b) => b.path);
  deps.store.transaction(() => {
    deps.records.markPruned(prune.map((b) => b.id));
    deps.store.audit.append({ at: now.toISOString(), actor: 'warden', action: 'backup.pruned', incidentId: null, details: { paths, kept: keep.length, policy: { ...policy } } });
  });
  return paths;
}
