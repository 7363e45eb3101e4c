import { verifyAuditDatabase, type AuditReport } from '../../src/features/audit/index.js';
import { createStore } from '../../src/features/incidents/index.js';
import type { Db } from '../../src/platform/db/db.js';

/** What `warden audit verify` says of a test's database (no checkpoints): the chain, the timeline, the guards. */
export function auditReport(db: Db): Promise<AuditReport> {
  return verifyAuditDatabase(db, { checkpoints: null, publicKeys: [], timeline: createStore(db).timeline.digests() });
}
