import { sqlMigrationsIn, type Db, type Migration } from '../../../platform/db/db.js';
import { auditRepo, TIMELINE_ENTRY } from '../../audit/index.js';
import { timelineRepo } from './timeline-repo.js';

/**
 * Timeline rows written before their audit entries carried their hash get one audit entry each now, so the
 * verifier can tell them from rows added behind Warden's back later.
 */
function coverEarlierTimeline(db: Db): void {
  const audit = auditRepo(db);
  const at = new Date().toISOString();
  for (const row of [...timelineRepo(db).digests()]) {
    const details = { [TIMELINE_ENTRY]: { id: row.id, sha256: row.sha256 }, reason: 'recorded before timeline entries were hashed' };
    audit.append({ at, actor: 'warden', action: 'timeline.covered', incidentId: row.incidentId, details });
  }
}

const AFTER: Readonly<Record<number, (db: Db) => void>> = { 13: coverEarlierTimeline };

/** This feature's numbered SQL migrations, shipped beside this file, with the data work some need. */
export const migrations: Migration[] = sqlMigrationsIn(new URL('./migrations/', import.meta.url)).map((m) => ({ ...m, ...(AFTER[m.version] ? { after: AFTER[m.version] } : {}) }));
