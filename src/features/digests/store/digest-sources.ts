import type { Db } from '../../../platform/db/db.js';
import type { IncidentStore } from '../../incidents/index.js';
import { overdueActionItemsOf } from '../../actions/index.js';
import { responseMetricsFor, responseTimesRead } from '../../metrics/index.js';
import { legalRecordOf, type ClockCatalog } from '../../notifications/index.js';
import { overdueReviewsOf } from '../../reviews/index.js';
import type { DigestSources } from '../domain/digest-sources.js';
import { openIncidentsReadOf } from './open-incidents-read.js';

/** The other features' read models a digest may use once they exist (patches, controls). */
export interface DigestReadPorts {
  patchDigestOf?: (db: Db) => NonNullable<DigestSources['patches']>;
  controlDigestOf?: (db: Db) => NonNullable<DigestSources['controls']>;
  backupDigestOf?: (db: Db) => NonNullable<DigestSources['backups']>;
}

const LIVE = ['open', 'due_soon', 'overdue'];

/** The digest's sources over the database, each through the owning feature's index.ts. */
export function digestSourcesOf(db: Db, store: Pick<IncidentStore, 'incidents'>, catalog: ClockCatalog, severities: readonly string[], ports: DigestReadPorts): DigestSources {
  const legal = legalRecordOf(db, catalog);
  const reviews = overdueReviewsOf(db);
  const actions = overdueActionItemsOf(db);
  const times = responseTimesRead(db);
  // Read for the shown items only (top N); an incident not found is treated as private.
  const isPrivate = (id: string) => store.incidents.get(id)?.private ?? true;
  return {
    severities,
    openIncidents: openIncidentsReadOf(db, severities),
    liveDeadlines: (ids, now) =>
      ids.flatMap((incidentId) =>
        legal(incidentId, now).regimes.flatMap((r) =>
          r.stages.flatMap((s) => (LIVE.includes(s.status) && s.due ? [{ incidentId, regimeName: s.regimeName, recipient: s.recipient, due: s.due }] : [])),
        ),
      ),
    overdueReviews: (now, limit) => {
      const { items, total } = reviews(now, limit);
      return { items: items.map((r) => ({ ...r, itemId: null, text: null })), total };
    },
    overdueActions: (now, limit) => {
      const { items, total } = actions(now, limit);
      return { items: items.map((i) => ({ incidentId: i.incidentId, itemId: i.id, text: isPrivate(i.incidentId) ? null : i.text, owner: i.owner, dueAt: i.dueAt })), total };
    },
    patches: ports.patchDigestOf ? ports.patchDigestOf(db) : null,
    controls: ports.controlDigestOf ? ports.controlDigestOf(db) : null,
    backups: ports.backupDigestOf ? ports.backupDigestOf(db) : null,
    responseTimes: (since, until) => responseMetricsFor(times, { since, until }, severities).bySeverity,
  };
}
