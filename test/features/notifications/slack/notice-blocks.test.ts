import { describe, expect, it } from 'vitest';
import { checklistBlocks, noticeModal } from '../../../../src/features/notifications/slack/notice-blocks.js';
import { referenceAndOverride } from '../../../../src/features/notifications/slack/notice-verbs.js';
import type { NoticeDraft } from '../../../../src/features/notifications/app/notices/draft-notice.js';
import type { ChecklistItem } from '../../../../src/features/notifications/domain/notices/required-elements.js';
import { WardenError } from '../../../../src/platform/errors.js';
import { checkView } from '../../../support/stand-ins/slack/block-kit-limits.js';

const item = (element: string, missing: string[] = []): ChecklistItem => ({ element, label: `label of ${element}`, complete: missing.length === 0, missing });
const aDraft = (over: Partial<NoticeDraft> = {}): NoticeDraft => ({
  incidentId: 'INC-2026-0001',
  template: 'individuals-hipaa-164-404',
  text: 'Dear patient',
  stages: [{ ref: 'hipaa:individuals', label: 'individuals (hipaa) → affected individuals' }, { ref: 'hipaa:media', label: 'media (hipaa) → media' }],
  stage: 'hipaa:individuals',
  citation: '45 CFR 164.404(c)',
  checklist: [item('(A)', ['[to complete: date of the breach]']), item('(E)')],
  ...over,
});
const textOf = (blocks: ReturnType<typeof checklistBlocks>) => JSON.stringify(blocks);

describe('the checklist in the draft modal', () => {
  it('lists each element as present or to complete, with its placeholders, and counts what is left', () => {
    const text = textOf(checklistBlocks(aDraft()));
    expect(text).toContain('*Required by 45 CFR 164.404(c)*: 1 of 2 still to complete.');
    expect(text).toContain(':white_square: (A) label of (A): [to complete: date of the breach]');
    expect(text).toContain(':white_check_mark: (E) label of (E)');
  });

  it('when every element is present, then it says so; a template with a citation and no elements only names it; one with neither shows nothing', () => {
    expect(textOf(checklistBlocks(aDraft({ checklist: [item('(E)')] })))).toContain('all present');
    expect(textOf(checklistBlocks(aDraft({ checklist: [] })))).toContain('Answers 45 CFR 164.404(c).');
    expect(checklistBlocks(aDraft({ checklist: [], citation: null }))).toEqual([]);
  });

  it('escapes what a company template declares, and a long checklist stays within Slack limits with the stage preselected', () => {
    const many = Array.from({ length: 40 }, (_, i) => item(`<!channel> ${i}`, [`[to complete: ${'x'.repeat(150)}]`]));
    const view = noticeModal(aDraft({ checklist: many }));
    expect(JSON.stringify(view)).not.toContain('<!channel>');
    expect(checkView(view)).toEqual([]);
    const stage = view.blocks.find((b) => b.block_id === 'stage') as { element: { initial_option?: { value: string } } };
    expect(stage.element.initial_option?.value).toBe('hipaa:individuals');
    const none = noticeModal(aDraft({ stage: null })).blocks.find((b) => b.block_id === 'stage') as { element: object };
    expect(none.element).not.toHaveProperty('initial_option');
  });
});

describe('the override of /incident submitted', () => {
  it('splits the reference from the reason, with the quotes and dashes Slack clients type', () => {
    expect(referenceAndOverride('DPC-1')).toEqual({ reference: 'DPC-1', override: null });
    expect(referenceAndOverride('DPC-1 --override "filed in phases"')).toEqual({ reference: 'DPC-1', override: 'filed in phases' });
    expect(referenceAndOverride('DPC-1 \u2014override \u201cportal has it\u201d')).toEqual({ reference: 'DPC-1', override: 'portal has it' });
    expect(referenceAndOverride('DPC-1 \u2013override no quotes at all')).toEqual({ reference: 'DPC-1', override: 'no quotes at all' });
    expect(referenceAndOverride('--override why')).toEqual({ reference: '', override: 'why' });
    expect(referenceAndOverride('DPC--override-2')).toEqual({ reference: 'DPC--override-2', override: null });
  });

  it('when --override has no reason, then it is refused naming the flag', () => {
    expect(() => referenceAndOverride('DPC-1 --override ""')).toThrow(WardenError);
    expect(() => referenceAndOverride('DPC-1 --override')).toThrow('Give your reason after --override.');
  });
});
