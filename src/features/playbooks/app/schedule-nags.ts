import { z } from 'zod';
/**
 * Nags: one durable job per overdue-to-be step, at the time `nextNagAt` says (due time, then every
 * `nags.every`, at most `nags.maxPerStep`, never in quiet hours, after a snooze). The jobs are response-bound,
 * so resolving the incident cancels them in its own transaction.
 */
import { commanderOf } from '../../incidents/index.js';
import { isActive } from '../../incidents/index.js';
import type { ChecklistStep } from '../domain/checklist-model.js';
import { nextNagAt } from '../domain/nags.js';
import { PLAYBOOK_JOB_KINDS, type PlaybookDeps } from './deps.js';
import { checklistOf, enqueueDm, enqueueSync, runningPlaybook, stepsOf, type Running } from './running.js';

export const nagPayloadSchema = z.object({ incidentId: z.string(), playbookId: z.string(), stepId: z.string() });
export type NagPayload = z.infer<typeof nagPayloadSchema>;

/** When this step's next nag is due, or null when there is none to send. */
function nextNagOf(deps: PlaybookDeps, running: Running, step: ChecklistStep, now: Date): Date | null {
  if (step.status !== 'open' || !step.dueAt) return null;
  const record = deps.playbooks.nagRecord(running.incident.id, running.playbook.id, step.id);
  return nextNagAt(step.dueAt, record.nagsSent, record.lastNagAt, now, { ...deps.nags, snoozedUntil: record.snoozedUntil });
}

function enqueueNag(deps: PlaybookDeps, running: Running, stepId: string, at: Date, now: Date): void {
  const payload: NagPayload = { incidentId: running.incident.id, playbookId: running.playbook.id, stepId };
  deps.store.jobs.enqueue({ kind: PLAYBOOK_JOB_KINDS.nag, dueAt: at, payload, incidentId: running.incident.id }, now);
}

/**
 * Replaces the incident's pending nags with one per open step that has a due time. Call it inside the
 * transaction of any change that moves a due time or closes a step (tick, skip, flags, switch, snooze).
 */
export function scheduleNags(deps: PlaybookDeps, incidentId: string, now: Date): number {
  deps.store.jobs.cancel(incidentId, [PLAYBOOK_JOB_KINDS.nag], now);
  const running = runningPlaybook(deps, incidentId);
  if (!running || !isActive(running.incident.status)) return 0;
  let count = 0;
  for (const step of stepsOf(checklistOf(deps, running, now))) {
    const at = nextNagOf(deps, running, step, now);
    if (!at) continue;
    enqueueNag(deps, running, step.id, at, now);
    count++;
  }
  return count;
}

/**
 * Runs when a nag job falls due: DMs the step's owner (the assignee, else the holder of the owner role,
 * else the commander) and queues the next nag. Does nothing for a step closed, hidden or switched away
 * meanwhile, and waits again when a snooze or quiet hours moved the nag later.
 */
export function runNag(deps: PlaybookDeps, payload: NagPayload): void {
  const { store } = deps;
  store.transaction(() => {
    const running = runningPlaybook(deps, payload.incidentId);
    if (!running || running.playbook.id !== payload.playbookId || !isActive(running.incident.status)) return;
    const now = deps.clock.now();
    const step = stepsOf(checklistOf(deps, running, now)).find((s) => s.id === payload.stepId);
    if (!step?.dueAt) return;
    const at = nextNagOf(deps, running, step, now);
    if (!at) return;
    if (at.getTime() > now.getTime()) {
      enqueueNag(deps, running, step.id, at, now);
      return;
    }
    const before = deps.playbooks.nagRecord(running.incident.id, running.playbook.id, step.id);
    deps.playbooks.recordNag(running.incident.id, running.playbook.id, step.id, now);
    const userId = step.assignee ?? commanderOf(running.incident);
    const nth = before.nagsSent + 1;
    enqueueDm(deps, { type: 'nag', incidentId: running.incident.id, stepId: step.id, userId, dueAt: step.dueAt.toISOString(), nth, max: deps.nags.maxPerStep }, now);
    const next = nextNagOf(deps, running, step, now);
    if (next) enqueueNag(deps, running, step.id, next, now);
    enqueueSync(deps, running.incident.id, now); // the step now shows as overdue
  });
}
