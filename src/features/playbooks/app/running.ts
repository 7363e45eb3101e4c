/** Shared reads and queue helpers of the playbook use cases: the running playbook, its checklist, its jobs. */
import { WardenError } from '../../../platform/errors.js';
import type { Incident } from '../../incidents/index.js';
import { checklistModel, type ChecklistModel, type ChecklistStep } from '../domain/checklist-model.js';
import type { Playbook } from '../domain/model.js';
import type { PlaybookAttachment } from '../domain/attachment.js';
import { requireIncident } from '../../incidents/index.js';
import { PLAYBOOK_JOB_KINDS, type PlaybookDeps, type PlaybookDm, type PlaybookNotice, type StepRef } from './deps.js';

export interface Running {
  incident: Incident;
  attachment: PlaybookAttachment;
  playbook: Playbook;
}

export const findPlaybook = (deps: PlaybookDeps, id: string): Playbook | null => deps.catalog.find((p) => p.id === id) ?? null;

/** The incident's running playbook, or null when none runs (or its file is no longer loaded). */
export function runningPlaybook(deps: PlaybookDeps, incidentId: string): Running | null {
  const incident = requireIncident(deps.store, incidentId);
  const attachment = deps.playbooks.attachment(incident.id);
  const playbook = attachment ? findPlaybook(deps, attachment.playbookId) : null;
  return attachment && playbook ? { incident, attachment, playbook } : null;
}

export function requireRunning(deps: PlaybookDeps, incidentId: string): Running {
  const running = runningPlaybook(deps, incidentId);
  if (!running) {
    throw new WardenError('not_found', `No playbook runs for ${incidentId}. See \`/incident playbook list\`, then attach one with \`/incident playbook <id>\`.`);
  }
  return running;
}

/** The checklist as of `now`: visible steps, states, due times (clock events from the port). */
export function checklistOf(deps: PlaybookDeps, running: Running, now: Date): ChecklistModel {
  const { incident, playbook } = running;
  const states = deps.playbooks.states(incident.id, playbook.id);
  const clockEvents = deps.clockEvents.eventsFor(incident.id);
  return checklistModel(playbook, { ...incident, clockEvents }, states, now);
}

export function stepsOf(model: ChecklistModel): ChecklistStep[] {
  return model.phases.flatMap((p) => p.steps);
}

/** A visible step of the running checklist; a step of another playbook or one hidden by the flags is refused. */
export function requireVisibleStep(deps: PlaybookDeps, running: Running, stepId: string, now: Date): ChecklistStep {
  const step = stepsOf(checklistOf(deps, running, now)).find((s) => s.id === stepId);
  if (step) return step;
  const exists = running.playbook.steps.some((s) => s.id === stepId);
  throw new WardenError(
    'not_found',
    exists
      ? `Step \`${stepId}\` does not apply to ${running.incident.id} with its current flags.`
      : `Playbook "${running.playbook.name}" has no step \`${stepId.slice(0, 60)}\`. \`/incident playbook\` shows the steps.`,
    { stepId },
  );
}

export function assertNotClosed(incident: Incident): void {
  if (incident.status === 'closed') throw new WardenError('refused_transition', `${incident.id} is closed; its checklist is final.`);
}

/**
 * Queues the checklist's chat.update. It renders the checklist as it is when it runs, so one waiting is enough: 50
 * ticks in a minute coalesce into one update instead of 50 calls against chat.update's tier.
 */
export function enqueueSync(deps: PlaybookDeps, incidentId: string, now: Date): void {
  if (deps.store.jobs.hasPending(PLAYBOOK_JOB_KINDS.sync, incidentId)) return;
  deps.store.jobs.enqueue({ kind: PLAYBOOK_JOB_KINDS.sync, dueAt: now, payload: { incidentId }, incidentId }, now);
}

export function enqueueNotice(deps: PlaybookDeps, notice: PlaybookNotice, now: Date): void {
  const payload = { ...notice } as Record<string, unknown>;
  deps.store.jobs.enqueue({ kind: PLAYBOOK_JOB_KINDS.notice, dueAt: now, payload, incidentId: notice.incidentId }, now);
}

export function enqueueDm(deps: PlaybookDeps, dm: PlaybookDm, now: Date): void {
  const payload = { ...dm } as Record<string, unknown>;
  deps.store.jobs.enqueue({ kind: PLAYBOOK_JOB_KINDS.dm, dueAt: now, payload, incidentId: dm.incidentId }, now);
}

export const refOf = (incidentId: string, stepId: string): StepRef => ({ incidentId, stepId });
