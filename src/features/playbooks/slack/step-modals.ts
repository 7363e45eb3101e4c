import { z } from 'zod';
import type { SlackListeners, ViewAnswer } from '../../../adapters/slack/listeners.js';
import type { StepRef } from '../app/deps.js';
import { assignStepTo, markStepDone, markStepSkipped, type StepOutcome } from '../app/mark-step.js';
import { isWardenError } from '../../../platform/errors.js';
import { PLAYBOOK_INPUTS, PLAYBOOK_VIEWS } from './blocks/playbook-modals.js';
import { clipPlain } from './blocks/playbook-text.js';
import { userMessageFor } from '../../../adapters/slack/errors.js';
import { conflictModal } from './playbook-messages.js';
import type { PlaybookSlackDeps } from './slack-deps.js';
import { readStepRef } from './step-buttons.js';

type Input = (typeof PLAYBOOK_INPUTS)[keyof typeof PLAYBOOK_INPUTS];

/** `view.state.values`: only the fields the playbook modals use, anything else ignored. */
const stateValues = z.record(z.string(), z.record(z.string(), z.object({ value: z.string().nullish(), selected_user: z.string().nullish() })));

function read(values: unknown, input: Input, field: 'value' | 'selected_user'): string {
  const parsed = stateValues.safeParse(values);
  return (parsed.success ? parsed.data[input.blockId]?.[input.actionId]?.[field] : null)?.trim() ?? '';
}

const fieldError = (input: Input, message: string) => ({ errors: { [input.blockId]: clipPlain(message.replace(/[*`]/g, ''), 150) } });

/**
 * The evidence, skip-reason and assign modals. Bad input goes back onto the field; a step someone else
 * closed meanwhile turns the modal into a notice of who was first; success closes it.
 */
export function registerStepModals(listeners: SlackListeners, deps: PlaybookSlackDeps): void {
  const on = (callbackId: string, input: Input, run: (ref: StepRef, userId: string, values: unknown) => StepOutcome | string, closesAs?: 'done' | 'skipped') => {
    listeners.view(callbackId, input.blockId, (submission): ViewAnswer => {
      const ref = readStepRef(submission.privateMetadata);
      if (!ref) return fieldError(input, 'This form is out of date. Close it and click the button on the checklist again.');
      try {
        const outcome = run(ref, submission.userId, submission.values);
        if (typeof outcome === 'string') return fieldError(input, outcome);
        // The same person's retried or double submission already did what they asked: just close the modal.
        const again = !outcome.ok && outcome.conflict.by === submission.userId && outcome.conflict.status === closesAs;
        if (!outcome.ok && !again) return { update: conflictModal(outcome.conflict) };
        return undefined;
      } catch (error) {
        const message = isWardenError(error) ? error.message : userMessageFor(error, listeners.logger, { view: callbackId });
        return fieldError(input, message);
      }
    });
  };

  on(PLAYBOOK_VIEWS.evidence, PLAYBOOK_INPUTS.evidence, (ref, userId, values) =>
    markStepDone(deps, { userId }, ref, read(values, PLAYBOOK_INPUTS.evidence, 'value') || null), 'done',
  );

  on(PLAYBOOK_VIEWS.skipReason, PLAYBOOK_INPUTS.reason, (ref, userId, values) => {
    const reason = read(values, PLAYBOOK_INPUTS.reason, 'value');
    return reason ? markStepSkipped(deps, { userId }, ref, reason) : 'Say why the step is skipped.';
  }, 'skipped');

  on(PLAYBOOK_VIEWS.assign, PLAYBOOK_INPUTS.assignee, (ref, userId, values) => {
    const assignee = read(values, PLAYBOOK_INPUTS.assignee, 'selected_user');
    return assignee ? assignStepTo(deps, { userId }, ref, assignee) : 'Pick a person.';
  });
}
