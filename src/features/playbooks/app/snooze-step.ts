import { WardenError } from '../../../platform/errors.js';
import { formatDuration } from '../../../platform/duration.js';
import type { Actor } from '../../incidents/index.js';
import { recordChange } from '../../incidents/index.js';
import type { PlaybookDeps, StepRef } from './deps.js';
import { assertNotClosed, requireRunning, requireVisibleStep } from './running.js';
import { scheduleNags } from './schedule-nags.js';

export const MIN_SNOOZE_MS = 5 * 60_000;
export const MAX_SNOOZE_MS = 7 * 24 * 3_600_000;

/**
 * Pushes a step's next nag to `now + ms` (the "Snooze 1h" button on a nag, or `/incident playbook snooze`).
 * Recorded in the timeline and the audit chain; returns when nags resume.
 */
export function snoozeStep(deps: PlaybookDeps, actor: Actor, ref: StepRef, ms: number): Date {
  if (!Number.isFinite(ms) || ms < MIN_SNOOZE_MS || ms > MAX_SNOOZE_MS) {
    throw new WardenError('bad_input', `Snooze for ${formatDuration(MIN_SNOOZE_MS)} to ${formatDuration(MAX_SNOOZE_MS)}, e.g. \`1h\` or \`30m\`.`);
  }
  const { store } = deps;
  return store.transaction(() => {
    const running = requireRunning(deps, ref.incidentId);
    assertNotClosed(running.incident);
    const now = deps.clock.now();
    const step = requireVisibleStep(deps, running, ref.stepId, now);
    if (step.status !== 'open') throw new WardenError('bad_input', `"${step.title}" is already ${step.status}; nothing to snooze.`);
    const until = new Date(now.getTime() + ms);
    deps.playbooks.snooze(running.incident.id, running.playbook.id, step.id, until);
    recordChange(store, {
      incidentId: running.incident.id,
      actor: actor.userId,
      at: now,
      kind: 'playbook',
      action: 'playbook.step_snoozed',
      text: `Nags snoozed for ${formatDuration(ms)}: ${step.title}`,
      data: { playbookId: running.playbook.id, stepId: step.id, until: until.toISOString() },
    });
    scheduleNags(deps, running.incident.id, now);
    return until;
  });
}
