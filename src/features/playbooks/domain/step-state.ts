/**
 * What responders do to a step: tick it off (with evidence when the playbook asks), skip it (with a reason),
 * assign it. Each returns the new state, or a conflict naming who was first, so a double click or two
 * people clicking at once never records the step twice.
 */
import { WardenError } from '../../../platform/errors.js';
import type { Playbook, PlaybookStep, StepStatus } from './model.js';

export interface StepState {
  readonly stepId: string;
  readonly status: StepStatus;
  /** Slack user id the step is assigned to; null = whoever holds the owner role. */
  readonly assignee: string | null;
  /** Who closed it (done or skipped) and when. */
  readonly by: string | null;
  readonly at: Date | null;
  readonly evidence: string | null;
  readonly reason: string | null;
}

/** The states of one incident's steps, by step id. A step with no entry is open and unassigned. */
export type StepStates = Readonly<Record<string, StepState>>;

export interface StepConflict {
  readonly stepId: string;
  readonly status: Exclude<StepStatus, 'open'>;
  readonly by: string;
  readonly at: Date;
  /** e.g. `already done by <@U1> at 2025-03-01T10:00:00.000Z`: the edge may render `at` in the reader's zone. */
  readonly message: string;
}

export type StepChange = { ok: true; state: StepState; states: StepStates } | { ok: false; conflict: StepConflict };

/** The state of a step, open and unassigned when nothing was recorded yet. */
export function stepStateOf(states: StepStates, stepId: string): StepState {
  return states[stepId] ?? { stepId, status: 'open', assignee: null, by: null, at: null, evidence: null, reason: null };
}

/** Ticks a step off. Throws `bad_input` when the step needs evidence and none was given. */
export function completeStep(
  playbook: Playbook,
  states: StepStates,
  input: { stepId: string; by: string; at: Date; evidence?: string | null },
): StepChange {
  const step = findStep(playbook, input.stepId);
  const current = stepStateOf(states, step.id);
  if (current.status !== 'open') return conflictWith(current);
  const evidence = input.evidence?.trim() || null;
  if (step.evidence === 'required' && !evidence) {
    throw new WardenError('bad_input', `"${step.title}" needs evidence: a link or a short note showing it was done.`, {
      stepId: step.id,
    });
  }
  return changed(states, { ...current, status: 'done', by: input.by, at: input.at, evidence });
}

/** Skips a step. Throws `bad_input` when the reason is empty: a skipped step must say why. */
export function skipStep(
  playbook: Playbook,
  states: StepStates,
  input: { stepId: string; by: string; at: Date; reason: string },
): StepChange {
  const step = findStep(playbook, input.stepId);
  const current = stepStateOf(states, step.id);
  if (current.status !== 'open') return conflictWith(current);
  const reason = input.reason.trim();
  if (!reason) throw new WardenError('bad_input', `Say why "${step.title}" is skipped.`, { stepId: step.id });
  return changed(states, { ...current, status: 'skipped', by: input.by, at: input.at, reason });
}

/** Assigns an open step to a person (null gives it back to the owner role). A closed step is a conflict. */
export function assignStep(
  playbook: Playbook,
  states: StepStates,
  input: { stepId: string; assignee: string | null },
): StepChange {
  const step = findStep(playbook, input.stepId);
  const current = stepStateOf(states, step.id);
  if (current.status !== 'open') return conflictWith(current);
  return changed(states, { ...current, assignee: input.assignee });
}

function findStep(playbook: Playbook, stepId: string): PlaybookStep {
  const step = playbook.steps.find((s) => s.id === stepId);
  if (!step) throw new WardenError('not_found', `Playbook "${playbook.name}" has no step "${stepId}".`, { stepId });
  return step;
}

function changed(states: StepStates, state: StepState): StepChange {
  return { ok: true, state, states: { ...states, [state.stepId]: state } };
}

function conflictWith(current: StepState): StepChange {
  const status = current.status === 'skipped' ? 'skipped' : 'done';
  // A closed state always has both; the fallbacks only keep the types honest for hand-made states.
  const by = current.by ?? 'unknown';
  const at = current.at ?? new Date(0);
  return {
    ok: false,
    conflict: { stepId: current.stepId, status, by, at, message: `already ${status} by <@${by}> at ${at.toISOString()}` },
  };
}
