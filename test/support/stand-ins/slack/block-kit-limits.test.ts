import { describe, expect, it } from 'vitest';
import { checkMessageBlocks, checkView, formatViolation } from './block-kit-limits.js';

const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const section = (text: string) => ({ type: 'section', text: mrkdwn(text) });
const button = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'button', text: plain(text), action_id: 'a', ...extra });
const pointers = (v: { pointer: string }[]) => v.map((x) => x.pointer);

const modal = (extra: Record<string, unknown> = {}) => ({
  type: 'modal',
  title: plain('Declare incident'),
  submit: plain('Declare'),
  blocks: [{ type: 'input', block_id: 'title', label: plain('Title'), element: { type: 'plain_text_input', action_id: 't' } }],
  ...extra,
});

describe('checkMessageBlocks', () => {
  it('when blocks are within every limit, then there is nothing to report', () => {
    const blocks = [
      { type: 'header', text: plain('Payments API down') },
      section('*Severity* sev1'),
      { type: 'section', fields: [mrkdwn('*Status*'), mrkdwn('investigating')] },
      { type: 'context', elements: [mrkdwn('declared by <@UALICE>')] },
      { type: 'actions', elements: [button('Done', { value: 'x', style: 'primary' }), button('Skip')] },
      { type: 'divider' },
    ];
    expect(checkMessageBlocks(blocks)).toEqual([]);
  });

  it('when a message has 51 blocks, then the block list is refused and 50 are accepted', () => {
    expect(pointers(checkMessageBlocks(Array.from({ length: 51 }, () => ({ type: 'divider' }))))).toEqual(['/blocks']);
    expect(checkMessageBlocks(Array.from({ length: 50 }, () => ({ type: 'divider' })))).toEqual([]);
  });

  it('when a section text has 3001 characters, then it is refused at its json pointer in Slack wording', () => {
    const [violation, ...rest] = checkMessageBlocks([section('x'.repeat(3000)), section('x'.repeat(3001))]);
    expect(rest).toEqual([]);
    expect(violation).toEqual({ pointer: '/blocks/1/text/text', message: 'must be less than 3001 characters' });
    expect(formatViolation(violation!)).toBe('[ERROR] must be less than 3001 characters [json-pointer:/blocks/1/text/text]');
  });

  it('when a text object is empty, then it is refused', () => {
    expect(checkMessageBlocks([section('')])).toEqual([
      { pointer: '/blocks/0/text/text', message: 'must be more than 0 characters' },
    ]);
  });

  it('when a header is longer than 150 characters or is mrkdwn, then it is refused', () => {
    const violations = checkMessageBlocks([
      { type: 'header', text: plain('h'.repeat(151)) },
      { type: 'header', text: mrkdwn('*bold*') },
      { type: 'header', text: plain('h'.repeat(150)) },
    ]);
    expect(pointers(violations)).toEqual(['/blocks/0/text/text', '/blocks/1/text/type']);
  });

  it('when a section has 11 fields or a 2001-character field, then each is refused', () => {
    const fields = Array.from({ length: 11 }, () => mrkdwn('f'));
    const violations = checkMessageBlocks([
      { type: 'section', fields },
      { type: 'section', fields: [mrkdwn('f'.repeat(2001))] },
    ]);
    expect(pointers(violations)).toEqual(['/blocks/0/fields', '/blocks/1/fields/0/text']);
  });

  it('when a context has 11 elements or actions 26, then the list is refused', () => {
    const violations = checkMessageBlocks([
      { type: 'context', elements: Array.from({ length: 11 }, () => mrkdwn('c')) },
      { type: 'actions', elements: Array.from({ length: 26 }, () => button('b')) },
    ]);
    expect(pointers(violations)).toEqual(['/blocks/0/elements', '/blocks/1/elements']);
  });

  it('when a button breaks its limits, then label, value and action_id are each refused', () => {
    const violations = checkMessageBlocks([
      { type: 'actions', elements: [button('b'.repeat(76), { value: 'v'.repeat(2001), action_id: 'a'.repeat(256) })] },
    ]);
    expect(pointers(violations).sort()).toEqual([
      '/blocks/0/elements/0/action_id',
      '/blocks/0/elements/0/text/text',
      '/blocks/0/elements/0/value',
    ]);
  });

  it('when two blocks share a block_id or one is longer than 255, then they are refused', () => {
    const violations = checkMessageBlocks([
      { ...section('a'), block_id: 'same' },
      { ...section('b'), block_id: 'same' },
      { ...section('c'), block_id: 'x'.repeat(256) },
    ]);
    expect(pointers(violations)).toEqual(['/blocks/1/block_id', '/blocks/2/block_id']);
  });

  it('when a block or element type is unknown, then it is refused', () => {
    const violations = checkMessageBlocks([
      { type: 'sectoin', text: mrkdwn('typo') },
      { type: 'actions', elements: [{ type: 'buton', text: plain('x'), action_id: 'a' }] },
    ]);
    expect(pointers(violations)).toEqual(['/blocks/0/type', '/blocks/1/elements/0/type']);
  });

  it('when blocks is not an array, then it is refused', () => {
    expect(pointers(checkMessageBlocks({ type: 'section' }))).toEqual(['/blocks']);
  });
});

describe('checkView', () => {
  it('when a modal is within every limit, then there is nothing to report', () => {
    expect(checkView(modal({ close: plain('Cancel'), callback_id: 'declare', private_metadata: '{}' }))).toEqual([]);
  });

  it('when a modal title has 25 characters, then the title is refused and 24 is accepted', () => {
    expect(pointers(checkView(modal({ title: plain('t'.repeat(25)) })))).toEqual(['/view/title/text']);
    expect(checkView(modal({ title: plain('t'.repeat(24)) }))).toEqual([]);
  });

  it('when submit or close labels exceed 24 characters, then they are refused', () => {
    const violations = checkView(modal({ submit: plain('s'.repeat(25)), close: plain('c'.repeat(25)) }));
    expect(pointers(violations)).toEqual(['/view/submit/text', '/view/close/text']);
  });

  it('when a modal has 101 blocks, a long callback_id or long private_metadata, then each is refused', () => {
    const violations = checkView({
      type: 'modal',
      title: plain('Big'),
      blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })),
      callback_id: 'c'.repeat(256),
      private_metadata: 'p'.repeat(3001),
    });
    expect(pointers(violations)).toEqual(['/view/blocks', '/view/callback_id', '/view/private_metadata']);
  });

  it('when an input has no label, a long label or no element, then it is refused', () => {
    const violations = checkView(modal({
      blocks: [
        { type: 'input', element: { type: 'plain_text_input', action_id: 'a' } },
        { type: 'input', label: plain('l'.repeat(2001)), element: { type: 'plain_text_input', action_id: 'b' } },
        { type: 'input', label: plain('ok') },
      ],
    }));
    expect(pointers(violations)).toEqual(['/view/blocks/0/label', '/view/blocks/1/label/text', '/view/blocks/2/element']);
  });

  it('when a modal with inputs has no submit button, then it is refused', () => {
    const { submit: _submit, ...withoutSubmit } = modal();
    expect(pointers(checkView(withoutSubmit))).toEqual(['/view/submit']);
  });

  it('when a view is neither a modal nor a home tab, then the type is refused', () => {
    expect(pointers(checkView({ type: 'dialog', blocks: [] }))).toEqual(['/view/type']);
  });

  it('when a home tab has 101 blocks, then it is refused and 100 are accepted', () => {
    const home = (n: number) => ({ type: 'home', blocks: Array.from({ length: n }, () => ({ type: 'divider' })) });
    expect(pointers(checkView(home(101)))).toEqual(['/view/blocks']);
    expect(checkView(home(100))).toEqual([]);
  });
});
