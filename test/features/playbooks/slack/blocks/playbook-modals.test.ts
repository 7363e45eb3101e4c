import type { InputBlock, ModalView } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { checkView, formatViolation } from '../../../../support/stand-ins/slack/index.js';
import {
  assignModal, evidenceModal, PLAYBOOK_INPUTS, PLAYBOOK_VIEWS, skipReasonModal, type ModalStep,
} from '../../../../../src/features/playbooks/slack/blocks/playbook-modals.js';
import { decodeStepRef } from '../../../../../src/features/playbooks/slack/blocks/playbook-text.js';

const step: ModalStep = {
  id: 'preserve-evidence',
  title: 'Preserve logs & evidence',
  guidance: 'Snapshot first.\n\nSee the [forensics runbook](https://runbooks.example.com/forensics).',
  evidenceLevel: 'required',
};

function inputOf(view: ModalView, blockId: string): InputBlock {
  const block = view.blocks.find((b): b is InputBlock => b.type === 'input' && b.block_id === blockId);
  if (!block) throw new Error(`no input block ${blockId}`);
  return block;
}

describe('evidenceModal', () => {
  it('when the step requires evidence, then the field is required and the modal carries the step reference', () => {
    const view = evidenceModal('INC-42', step);
    expect(view).toMatchObject({ type: 'modal', callback_id: PLAYBOOK_VIEWS.evidence, title: { text: 'Complete step' } });
    expect(decodeStepRef(view.private_metadata)).toEqual({ incidentId: 'INC-42', stepId: 'preserve-evidence' });
    const input = inputOf(view, PLAYBOOK_INPUTS.evidence.blockId);
    expect(input).toMatchObject({ optional: false, element: { type: 'plain_text_input', action_id: PLAYBOOK_INPUTS.evidence.actionId } });
    expect(checkView(view).map(formatViolation)).toEqual([]);
  });

  it('when evidence is optional, then the field may be left empty', () => {
    expect(inputOf(evidenceModal('INC-42', { ...step, evidenceLevel: 'optional' }), 'evidence').optional).toBe(true);
  });

  it('when shown, then it carries the full guidance as mrkdwn with the title escaped', () => {
    const text = JSON.stringify(evidenceModal('INC-42', step).blocks);
    expect(text).toContain('*Preserve logs &amp; evidence*');
    expect(text).toContain('See the <https://runbooks.example.com/forensics|forensics runbook>.');
  });
});

describe('skipReasonModal', () => {
  it('when opened, then the reason is required and capped', () => {
    const view = skipReasonModal('INC-42', step);
    expect(view.callback_id).toBe(PLAYBOOK_VIEWS.skipReason);
    expect(inputOf(view, PLAYBOOK_INPUTS.reason.blockId)).toMatchObject({ optional: false, element: { min_length: 1, max_length: 500 } });
    expect(decodeStepRef(view.private_metadata)?.stepId).toBe('preserve-evidence');
    expect(checkView(view).map(formatViolation)).toEqual([]);
  });
});

describe('assignModal', () => {
  it('when the step has an assignee, then the user picker starts on them', () => {
    const view = assignModal('INC-42', { ...step, assignee: 'U7' });
    expect(view.callback_id).toBe(PLAYBOOK_VIEWS.assign);
    expect(inputOf(view, PLAYBOOK_INPUTS.assignee.blockId).element).toEqual({
      type: 'users_select', action_id: PLAYBOOK_INPUTS.assignee.actionId, initial_user: 'U7',
    });
    expect(checkView(view).map(formatViolation)).toEqual([]);
  });

  it('when nobody is assigned, then the picker starts empty', () => {
    expect(inputOf(assignModal('INC-42', step), 'assignee').element).not.toHaveProperty('initial_user');
  });
});
