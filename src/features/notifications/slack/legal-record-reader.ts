import type { Db } from '../../../platform/db/db.js';
import type { ClockCatalog } from '../app/clocks/clock-catalog.js';
import { legalRecord, type LegalRecord } from '../app/clocks/legal-record.js';
import { clockRepo } from '../store/clock-repo.js';
import { noticeRepo } from '../store/notice-repo.js';

/**
 * The legal record of an incident for other features (the post-incident review): applied regimes with each
 * stage's deadline and status at `now`, submissions, not-notifiable decisions and notice drafts. Reads only.
 */
export function legalRecordOf(db: Db, catalog: ClockCatalog): (incidentId: string, now: Date) => LegalRecord {
  const ports = { clocks: clockRepo(db), notices: noticeRepo(db), catalog };
  return (incidentId, now) => legalRecord(ports, incidentId, now);
}
