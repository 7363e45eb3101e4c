import type { Notice } from '../../domain/notices/notice.js';
import type { StageDecision, StageSubmission } from '../../domain/records.js';
import type { ClockRecords, NoticeRecords } from '../ports.js';
import type { ClockCatalog } from './clock-catalog.js';
import { incidentDeadlines, type RegimeDeadlines } from './incident-deadlines.js';

/** An incident's legal record as of `now`: each applied regime's stages, what was submitted, decided and drafted. */
export interface LegalRecord {
  readonly regimes: readonly RegimeDeadlines[];
  readonly submissions: readonly StageSubmission[];
  readonly decisions: readonly StageDecision[];
  readonly notices: readonly Notice[];
}

export interface LegalRecordPorts {
  clocks: Pick<ClockRecords, 'events' | 'regimes' | 'submissions' | 'decisions' | 'entityOf'>;
  notices: Pick<NoticeRecords, 'forIncident'>;
  catalog: ClockCatalog;
}

/** Reads only (a post-incident review, an evidence pack); safe outside a transaction. */
export function legalRecord(ports: LegalRecordPorts, incidentId: string, now: Date): LegalRecord {
  return {
    regimes: incidentDeadlines(ports, incidentId, now),
    submissions: ports.clocks.submissions(incidentId),
    decisions: ports.clocks.decisions(incidentId),
    notices: ports.notices.forIncident(incidentId),
  };
}
