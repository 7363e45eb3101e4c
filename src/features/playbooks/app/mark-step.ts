/**
 * What responders do to a checklist step: tick it off, skip it, assign it. Each change is stored with its
 * timeline and audit entries, the checklist refresh and the new nag schedule in one transaction. Two
 * people clicking the same step at once end with one record; the second gets the conflict (who was first).
 */
import { WardenError } from '../../../platform/errors.js';
import type { PlaybookStep } from '../domain/model.js';
import { assignStep, completeStep, skipStep, type StepChange, type StepConflict, type StepState } from '../domain/step-state.js';
import type { Actor } from '../../incidents/index.js';
import { recordChange } from '../../incidents/index.js';
import type { PlaybookDeps, StepRef } from './deps.js';
import { assertNotClosed, enqueueDm, enqueueSync, requireRunning, requireVisibleStep, type Running } from './running.js';
import { scheduleNags } from './schedule-nags.js';

export type StepOutcome = { ok: true; state: StepState; title: string } | { ok: false; conflict: StepConflict };

interface Change {
  apply(running: Running, now: Date): StepChange;
  action: string;
  text(step: PlaybookStep, state: StepState): string;
  data(state: StepState): Record<string, unknown>;
  /** Further work queued in the same transaction. */
  after?(running: Running, now: Date): void;
}

function changeStep(deps: PlaybookDeps, actor: Actor, ref: StepRef, change: Change): StepOutcome {
  const { store } = deps;
  return store.transaction(() => {
    const running = requireRunning(deps, ref.incidentId);
    assertNotClosed(running.incident);
    const now = deps.clock.now();
    requireVisibleStep(deps, running, ref.stepId, now);
    const result = change.apply(running, now);
    if (!result.ok) return result;
    const step = running.playbook.steps.find((s) => s.id === ref.stepId) as PlaybookStep;
    if (!deps.playbooks.saveState(running.incident.id, running.playbook.id, result.state)) {
      const again = change.apply(running, now); // closed by someone in between: report who
      if (!again.ok) return again;
      throw new WardenError('conflict', `Step \`${step.id}\` changed while you clicked; try again.`);
    }
    recordChange(store, {
      incidentId: running.incident.id,
      actor: actor.userId,
      at: now,
      kind: 'playbook',
      action: change.action,
      text: change.text(step, result.state),
      data: { playbookId: running.playbook.id, stepId: step.id, ...change.data(result.state) },
    });
    change.after?.(running, now);
    enqueueSync(deps, running.incident.id, now);
    scheduleNags(deps, running.incident.id, now);
    return { ok: true, state: result.state, title: step.title };
  });
}

const statesOf = (deps: PlaybookDeps, running: Running) => deps.playbooks.states(running.incident.id, running.playbook.id);

/** Ticks a step off; `evidence` is required when the playbook says so (a `bad_input` error otherwise). */
export function markStepDone(deps: PlaybookDeps, actor: Actor, ref: StepRef, evidence: string | null = null): StepOutcome {
  return changeStep(deps, actor, ref, {
    apply: (running, now) => completeStep(running.playbook, statesOf(deps, running), { stepId: ref.stepId, by: actor.userId, at: now, evidence }),
    action: 'playbook.step_done',
    text: (step, s) => `Step done: ${step.title}${s.evidence ? ` (evidence: ${s.evidence})` : ''}`,
    data: (s) => ({ evidence: s.evidence }),
  });
}

/** Skips a step; the reason is required. */
export function markStepSkipped(deps: PlaybookDeps, actor: Actor, ref: StepRef, reason: string): StepOutcome {
  return changeStep(deps, actor, ref, {
    apply: (running, now) => skipStep(running.playbook, statesOf(deps, running), { stepId: ref.stepId, by: actor.userId, at: now, reason }),
    action: 'playbook.step_skipped',
    text: (step, s) => `Step skipped: ${step.title} (reason: ${s.reason ?? ''})`,
    data: (s) => ({ reason: s.reason }),
  });
}

/** Assigns an open step to a person, who gets a DM saying so (unless they assigned it to themselves). */
export function assignStepTo(deps: PlaybookDeps, actor: Actor, ref: StepRef, userId: string): StepOutcome {
  return changeStep(deps, actor, ref, {
    apply: (running) => assignStep(running.playbook, statesOf(deps, running), { stepId: ref.stepId, assignee: userId }),
    action: 'playbook.step_assigned',
    text: (step) => `Step assigned: ${step.title} → <@${userId}>`,
    data: () => ({ assignee: userId }),
    after(running, now) {
      if (userId === actor.userId) return;
      enqueueDm(deps, { type: 'assigned', incidentId: running.incident.id, stepId: ref.stepId, userId, by: actor.userId }, now);
    },
  });
}
