import type { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackStandIn, type SlackStandIn } from '../../slack-stand-in.js';
import { slackError, standInClient } from '../../stand-in-client.js';
import { BLOCK_KIT_LIMITS, checkMessageBlocks, checkView } from './block-kit-limits.js';

const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const option = (n: number, text = plain(`Option ${n}`)) => ({ text, value: `v${n}` });
const options = (count: number) => Array.from({ length: count }, (_, i) => option(i));
const inActions = (element: Record<string, unknown>) => [{ type: 'actions', elements: [{ action_id: 'a', ...element }] }];
const problems = (element: Record<string, unknown>) =>
  checkMessageBlocks(inActions(element)).map((v) => `${v.pointer} ${v.message}`);

describe('Block Kit option lists', () => {
  it.each([
    ['checkboxes', 10],
    ['radio_buttons', 10],
  ])('when %s has 11 options, then it is refused and %i are accepted', (type, max) => {
    expect(problems({ type, options: options(max) })).toEqual([]);
    expect(problems({ type, options: options(max + 1) })).toEqual([`/blocks/0/elements/0/options must be less than ${max + 1} items`]);
  });

  it('when an overflow menu has 1 or 6 options, then it is refused; 2 to 5 are accepted', () => {
    expect(problems({ type: 'overflow', options: options(1) })).toEqual(['/blocks/0/elements/0/options must have at least 2 items']);
    expect(problems({ type: 'overflow', options: options(6) })).toEqual(['/blocks/0/elements/0/options must be less than 6 items']);
    expect(problems({ type: 'overflow', options: options(2) })).toEqual([]);
    expect(problems({ type: 'overflow', options: options(5) })).toEqual([]);
  });

  it.each(['static_select', 'multi_static_select', 'overflow'])(
    'when a %s option uses mrkdwn text, then it is refused: menus take plain_text only',
    (type) => {
      expect(problems({ type, options: [option(1, mrkdwn('*bold*')), option(2)] })).toEqual([
        '/blocks/0/elements/0/options/0/text/type must be one of: plain_text',
      ]);
    },
  );

  it.each(['checkboxes', 'radio_buttons'])('when a %s option uses mrkdwn text, then it is accepted', (type) => {
    expect(problems({ type, options: [option(1, mrkdwn('*bold*'))] })).toEqual([]);
  });

  it('when an option description has 76 characters, then it is refused and 75 are accepted', () => {
    const described = (length: number) => ({ ...option(1), description: plain('d'.repeat(length)) });
    expect(problems({ type: 'checkboxes', options: [described(BLOCK_KIT_LIMITS.optionDescription)] })).toEqual([]);
    expect(problems({ type: 'checkboxes', options: [described(76)] })).toEqual([
      '/blocks/0/elements/0/options/0/description/text must be less than 76 characters',
    ]);
  });

  it('when initial_option is not among the options, then it is refused; one that is, is accepted', () => {
    expect(problems({ type: 'static_select', options: options(3), initial_option: option(2) })).toEqual([]);
    expect(problems({ type: 'radio_buttons', options: options(3), initial_option: option(7) })).toEqual([
      '/blocks/0/elements/0/initial_option must match one of the provided options',
    ]);
  });

  it('when one of initial_options is not among the options, then that one is named', () => {
    expect(problems({ type: 'checkboxes', options: options(3), initial_options: [option(0), { ...option(1), value: 'other' }] })).toEqual([
      '/blocks/0/elements/0/initial_options/1 must match one of the provided options',
    ]);
  });

  it('when a static_select gives option_groups instead of options, then it is not asked for options', () => {
    const groups = [{ label: plain('Group'), options: options(2) }];
    expect(problems({ type: 'static_select', option_groups: groups })).toEqual([]);
    expect(problems({ type: 'static_select' })).toEqual(['/blocks/0/elements/0/options must be a non-empty array']);
  });
});

describe('view size', () => {
  let standIn: SlackStandIn;
  let client: WebClient;
  beforeAll(async () => {
    standIn = await startSlackStandIn();
    client = standInClient(standIn);
  });
  afterAll(() => standIn.stop());

  /** A home tab whose JSON is about `bytes` long: 100 sections of equal text. */
  const homeOf = (bytes: number) => {
    const each = Math.floor(bytes / 100) - 60;
    return { type: 'home', blocks: Array.from({ length: 100 }, () => ({ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(each) } })) };
  };

  it('when a view is over 250 kB of JSON, then checkView reports it at /view', () => {
    expect(checkView(homeOf(260_000)).map((v) => v.pointer)).toContain('/view');
    expect(checkView(homeOf(240_000))).toEqual([]);
  });

  it('when views.publish gets a view over 250 kB, then it answers view_too_large', async () => {
    // 100 sections of 2,600 characters: each within its own 3,000 limit, together over 250 kB.
    expect(JSON.stringify(homeOf(260_000)).length).toBeGreaterThan(BLOCK_KIT_LIMITS.viewBytes);
    expect(await slackError(client.views.publish({ user_id: 'UALICE', view: homeOf(260_000) as never }))).toBe('view_too_large');
    await expect(client.views.publish({ user_id: 'UALICE', view: homeOf(240_000) as never })).resolves.toMatchObject({ ok: true });
  });
});
