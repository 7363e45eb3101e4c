import type { Db } from '../../../platform/db/db.js';
import { createUnitOfWork } from '../../../platform/db/unit-of-work.js';
import { auditRepo } from '../../audit/index.js';
import { incidentRepo } from './incident-repo.js';
import { memberRepo } from './member-repo.js';
import { timelineRepo } from './timeline-repo.js';

/**
 * The repositories the incident use cases work with, over the shared unit of work. Plain objects in and
 * out; the raw database handle stays with whoever built the store (the composition root and the tests' helper).
 */
export function createStore(db: Db) {
  return {
    ...createUnitOfWork(db),
    incidents: { ...incidentRepo(db), ...memberRepo(db) },
    timeline: timelineRepo(db),
    audit: auditRepo(db),
  };
}

export type Store = ReturnType<typeof createStore>;
