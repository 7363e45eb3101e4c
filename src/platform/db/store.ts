import { auditRepo } from '../../features/audit/store/audit-repo.js';
import type { Db } from './db.js';
import { incidentRepo } from '../../features/incidents/store/incident-repo.js';
import { jobRepo } from '../jobs/job-repo.js';
import { timelineRepo } from '../../features/incidents/store/timeline-repo.js';

/** All repositories over one database, and the transaction that groups writes that belong together. */
export function createStore(db: Db) {
  const seen = db.prepare('INSERT INTO inbound_requests (key, received_at) VALUES (?, ?) ON CONFLICT DO NOTHING');
  return {
    db,
    incidents: incidentRepo(db),
    timeline: timelineRepo(db),
    audit: auditRepo(db),
    jobs: jobRepo(db),
    /** Runs `fn` in one SQLite transaction (nested calls join the outer one). */
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
    /** Records an inbound request key; false when it was seen before (a Slack retry or a double click). */
    firstSighting: (key: string, now: Date): boolean => seen.run(key, now.toISOString()).changes === 1,
  };
}

export type Store = ReturnType<typeof createStore>;
