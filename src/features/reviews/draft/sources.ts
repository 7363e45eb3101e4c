import type { Db } from '../../../platform/db/db.js';
import { createStore } from '../../incidents/index.js';
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

/** The review's read-only sources over one database, for the reviews feature's `plug` (which holds `core.db`). */
export function reviewSourcesOf(db: Db, settings: ReviewSourceSettings): ReviewSources {
  const store = createStore(db);
  return {
    incident: (id) => store.incidents.get(id),
    timeline: (id) => store.timeline.list(id),
    legal: legalRecordOf(db, settings.clockCatalog),
    checklist: checklistReaderOf(db, settings.playbooks, clockEventsOf(db)),
    actionItems: settings.actionItems,
  };
}
