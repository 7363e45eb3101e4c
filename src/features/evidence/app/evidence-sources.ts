import type { Db } from '../../../platform/db/db.js';
import { auditRepo, type AuditEntry } from '../../audit/index.js';
import type { IncidentStore } from '../../incidents/index.js';
import { clockEventRecordsOf, type ClockEventRecord } from '../../notifications/index.js';
import { reviewOf, reviewSourcesOf, type Review, type ReviewSources, type ReviewSourceSettings } from '../../reviews/index.js';

/**
 * Where a pack's facts come from: the review draft's sources (incident, timeline, legal record, checklist,
 * action items) and the records only an auditor asks for. Each a read-only port.
 */
export interface EvidenceSources extends ReviewSources {
  /** Each recorded clock event with who recorded it and when. */
  clockEvents(incidentId: string): ClockEventRecord[];
  review(incidentId: string): Review | null;
  /** The incident's entries of the audit chain, in sequence order, as stored. */
  auditEntries(incidentId: string): AuditEntry[];
}

/**
 * The sources over one database: the review draft's own (built by the reviews feature, so both read the
 * record the same way) and the other features' read-only readers. Nothing here writes.
 */
export function evidenceSourcesOf(db: Db, store: Pick<IncidentStore, 'incidents' | 'timeline'>, settings: ReviewSourceSettings): EvidenceSources {
  const audit = auditRepo(db);
  return {
    ...reviewSourcesOf(db, store, settings),
    clockEvents: clockEventRecordsOf(db),
    review: reviewOf(db),
    auditEntries: (id) => audit.forIncident(id),
  };
}
