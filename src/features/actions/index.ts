/** Action items from incidents: owners, due dates, reminders and escalation; they outlive the incident. */
import type { Db } from '../../platform/db/db.js';
import { actionRepo } from './store/action-repo.js';

export { actionsSection } from './config/sections.js';
export { actionsFeature, type ActionsOptions } from './slack/actions-feature.js';
export { migrations } from './store/migrations.js';

/** An action item as other features (the review draft) read it. */
export interface ActionItemView {
  id: string;
  text: string;
  owner: string;
  dueAt: Date;
  status: 'open' | 'done';
  createdBy: string;
  createdAt: Date;
  doneBy: string | null;
  doneAt: Date | null;
  evidence: string | null;
}

/** The items of an incident, in id order (A1, A2 ... A10 after A9). */
export function actionItemsOf(db: Db): (incidentId: string) => ActionItemView[] {
  const actions = actionRepo(db);
  return (incidentId) =>
    actions.ofIncident(incidentId).map((i) => ({
      id: i.id,
      text: i.text,
      owner: i.owner,
      dueAt: i.dueAt,
      status: i.status,
      createdBy: i.createdBy,
      createdAt: i.createdAt,
      doneBy: i.doneBy,
      doneAt: i.doneAt,
      evidence: i.evidence,
    }));
}
