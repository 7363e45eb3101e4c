/**
 * The modals behind the checklist buttons: evidence when marking a step done, a reason when skipping,
 * a person when assigning. Each carries `{incidentId, stepId}` in `private_metadata` (read it back with
 * `decodeStepRef`), and names its input so the view handler can read `view.state.values[blockId][actionId]`.
 */
import type { KnownBlock, ModalView } from '@slack/types';
import type { EvidenceLevel } from '../../domain/model.js';
import { clipMrkdwn, clipPlain, encodeStepRef, markdownToMrkdwn, type StepRef } from './playbook-text.js';
import { escapeMrkdwn, mention } from '../../../../adapters/slack/escape.js';

export const PLAYBOOK_VIEWS = {
  evidence: 'playbook.evidence',
  skipReason: 'playbook.skip_reason',
  assign: 'playbook.assign_user',
} as const;

/** Where each modal's input lives in `view.state.values`. */
export const PLAYBOOK_INPUTS = {
  evidence: { blockId: 'evidence', actionId: 'evidence_value' },
  reason: { blockId: 'reason', actionId: 'reason_value' },
  assignee: { blockId: 'assignee', actionId: 'assignee_value' },
} as const;

/** Longest evidence / reason a person may type: keeps the checklist section under Slack's 3,000 characters. */
export const EVIDENCE_MAX_LENGTH = 1000;
export const REASON_MAX_LENGTH = 500;

/** What a modal needs to know about the step. `ChecklistStep` satisfies it. */
export interface ModalStep {
  id: string;
  title: string;
  guidance: string;
  evidenceLevel: EvidenceLevel;
  assignee?: string | null;
}

/** The modal the Done button opens: the step's full guidance and an evidence field, required when the playbook says so. */
export function evidenceModal(incidentId: string, step: ModalStep): ModalView {
  const required = step.evidenceLevel === 'required';
  return modal(PLAYBOOK_VIEWS.evidence, 'Complete step', 'Mark done', { incidentId, stepId: step.id }, [
    ...stepBlocks(step),
    {
      type: 'input',
      block_id: PLAYBOOK_INPUTS.evidence.blockId,
      optional: !required,
      label: { type: 'plain_text', text: required ? 'Evidence (required)' : 'Evidence' },
      hint: { type: 'plain_text', text: 'A link (ticket, log search, document) or a short note showing the step was done.' },
      element: {
        type: 'plain_text_input',
        action_id: PLAYBOOK_INPUTS.evidence.actionId,
        multiline: true,
        max_length: EVIDENCE_MAX_LENGTH,
        ...(required ? { min_length: 1 } : {}),
      },
    },
  ]);
}

/** The modal the Skip button opens: a reason is always required. */
export function skipReasonModal(incidentId: string, step: ModalStep): ModalView {
  return modal(PLAYBOOK_VIEWS.skipReason, 'Skip step', 'Skip step', { incidentId, stepId: step.id }, [
    { type: 'section', text: { type: 'mrkdwn', text: clipMrkdwn(`*${escapeMrkdwn(step.title)}*`, 3000) } },
    {
      type: 'input',
      block_id: PLAYBOOK_INPUTS.reason.blockId,
      optional: false,
      label: { type: 'plain_text', text: 'Why is this step skipped?' },
      element: {
        type: 'plain_text_input',
        action_id: PLAYBOOK_INPUTS.reason.actionId,
        multiline: true,
        min_length: 1,
        max_length: REASON_MAX_LENGTH,
      },
    },
  ]);
}

/** The modal the Assign button opens: pick a person (pre-filled with the current assignee). */
export function assignModal(incidentId: string, step: ModalStep): ModalView {
  const current = step.assignee ? `\nNow: ${mention(step.assignee)}` : '';
  return modal(PLAYBOOK_VIEWS.assign, 'Assign step', 'Assign', { incidentId, stepId: step.id }, [
    { type: 'section', text: { type: 'mrkdwn', text: clipMrkdwn(`*${escapeMrkdwn(step.title)}*${current}`, 3000) } },
    {
      type: 'input',
      block_id: PLAYBOOK_INPUTS.assignee.blockId,
      label: { type: 'plain_text', text: 'Assign to' },
      element: {
        type: 'users_select',
        action_id: PLAYBOOK_INPUTS.assignee.actionId,
        ...(step.assignee ? { initial_user: step.assignee } : {}),
      },
    },
  ]);
}

function stepBlocks(step: ModalStep): KnownBlock[] {
  return [
    { type: 'section', text: { type: 'mrkdwn', text: clipMrkdwn(`*${escapeMrkdwn(step.title)}*`, 3000) } },
    { type: 'section', text: { type: 'mrkdwn', text: clipMrkdwn(markdownToMrkdwn(step.guidance), 3000) } },
  ];
}

function modal(callbackId: string, title: string, submit: string, ref: StepRef, blocks: KnownBlock[]): ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    title: { type: 'plain_text', text: clipPlain(title, 24) },
    submit: { type: 'plain_text', text: clipPlain(submit, 24) },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: encodeStepRef(ref),
    blocks,
  };
}
