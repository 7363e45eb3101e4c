import type { Db } from '../../../platform/db/db.js';
import type { IncidentStore } from '../../incidents/index.js';
import { clockEventsOf, legalRecordOf, type ClockCatalog } from '../../notifications/index.js';
import { checklistReaderOf, type Playbook } from '../../playbooks/index.js';
import type { ActionItemsPort } from './facts.js';
import type { ReviewSources } from './gather.js';

/** What the composition gives the review draft beyond the database: the catalogs in force and the action items. */
export interface ReviewSourceSettings {
  clockCatalog: ClockCatalog;
  playbooks: readonly Playbook[];
  /** The actions feature's `actionItemsOf(db)`. */
  actionItems: ActionItemsPort;
}

/**
 * The review's read-only sources, for the reviews feature's `plug`: the incident core's own store for the
 * incident and its timeline, and `core.db` for the other features' read models.
 */
export function reviewSourcesOf(db: Db, store: Pick<IncidentStore, 'incidents' | 'timeline'>, settings: ReviewSourceSettings): ReviewSources {
  return {
    incident: (id) => store.incidents.get(id),
    timeline: (id) => store.timeline.list(id),
    legal: legalRecordOf(db, settings.clockCatalog),
    checklist: checklistReaderOf(db, settings.playbooks, clockEventsOf(db)),
    actionItems: settings.actionItems,
  };
}
