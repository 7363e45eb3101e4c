import type { ClockEvent, Incident } from '../../incidents/index.js';
import type { Db } from '../../../platform/db/db.js';
import { checklistModel, type ChecklistModel } from '../domain/checklist-model.js';
import type { Playbook } from '../domain/model.js';
import { playbookRepo } from '../store/playbook-repo.js';

/**
 * The checklist of an incident's running playbook as of `now`, for other features (the post-incident review):
 * every visible step with its status, who closed it and when. Null when no playbook runs or its file is gone.
 * Reads only.
 */
export function checklistReaderOf(
  db: Db,
  playbooks: readonly Playbook[],
  clockEvents: (incidentId: string) => Partial<Record<ClockEvent, Date>>,
): (incident: Incident, now: Date) => ChecklistModel | null {
  const repo = playbookRepo(db);
  return (incident, now) => {
    const attachment = repo.attachment(incident.id);
    const playbook = attachment ? playbooks.find((p) => p.id === attachment.playbookId) : undefined;
    if (!playbook) return null;
    return checklistModel(playbook, { ...incident, clockEvents: clockEvents(incident.id) }, repo.states(incident.id, playbook.id), now);
  };
}
