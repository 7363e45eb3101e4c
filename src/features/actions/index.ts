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

/** The open items past their due time (most overdue first, at most `limit`) and their count. */
export function overdueActionItemsOf(db: Db): (now: Date, limit: number) => { items: (Pick<ActionItemView, 'id' | 'text' | 'owner' | 'dueAt'> & { incidentId: string })[]; total: number } {
  const actions = actionRepo(db);
  return (now, limit) => {
    const { items, total } = actions.overdue(now, limit);
    return { items: items.map((i) => ({ incidentId: i.incidentId, id: i.id, text: i.text, owner: i.owner, dueAt: i.dueAt })), total };
  };
}
