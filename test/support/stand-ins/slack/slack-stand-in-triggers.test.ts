import type { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../src/platform/clock.js';
import { makeTriggerId, startSlackStandIn, triggerMintedAt, userOfTriggerId, type SlackStandIn } from '../../slack-stand-in.js';
import { slackError, standInClient } from '../../stand-in-client.js';

const modal = () => ({ type: 'modal' as const, title: { type: 'plain_text' as const, text: 'Declare' }, blocks: [] });

describe('Slack stand-in: trigger ids expire after 3 s of trigger-clock time', () => {
  let standIn: SlackStandIn;
  let client: WebClient;
  const triggerClock = new ManualClock('2026-11-22T09:00:00Z');

  beforeAll(async () => {
    standIn = await startSlackStandIn({ clock: new ManualClock('2026-11-22T09:00:00Z'), triggerClock });
    client = standInClient(standIn);
  });
  afterAll(() => standIn.stop());
  beforeEach(() => standIn.reset());

  it('when views.open comes exactly 3 s after the trigger was minted, then the modal opens', async () => {
    const trigger = standIn.triggerId('UALICE');
    triggerClock.advance(3000);
    await expect(client.views.open({ trigger_id: trigger, view: modal() })).resolves.toMatchObject({ ok: true });
  });

  it('when views.open comes 3.001 s after, then it answers expired_trigger_id and no view is stored', async () => {
    const trigger = standIn.triggerId('UALICE');
    triggerClock.advance(3001);
    expect(await slackError(client.views.open({ trigger_id: trigger, view: modal() }))).toBe('expired_trigger_id');
    expect(standIn.views()).toEqual([]);
  });

  it('when views.push uses an expired trigger, then it answers expired_trigger_id too', async () => {
    const trigger = standIn.triggerId('UALICE');
    triggerClock.advance(5000);
    expect(await slackError(client.views.push({ trigger_id: trigger, view: modal() }))).toBe('expired_trigger_id');
  });

  it('when a trigger is reused within its 3 s, then the second use answers exchanged_trigger_id', async () => {
    const trigger = standIn.triggerId('UALICE');
    await client.views.open({ trigger_id: trigger, view: modal() });
    expect(await slackError(client.views.open({ trigger_id: trigger, view: modal() }))).toBe('exchanged_trigger_id');
  });

  it('when a trigger id was not minted by the stand-in, then it answers invalid_trigger_id', async () => {
    expect(await slackError(client.views.open({ trigger_id: '12345.98765.abcd2358fdea', view: modal() }))).toBe('invalid_trigger_id');
    expect(await slackError(client.views.open({ trigger_id: 'not-a-trigger', view: modal() }))).toBe('invalid_trigger_id');
  });
});

describe('Slack stand-in: trigger ids on the system clock (the default)', () => {
  let standIn: SlackStandIn;
  let client: WebClient;
  // The message clock stands still, as in Warden's harness; trigger age is still measured in real time.
  const clock = new ManualClock('2026-11-22T09:00:00Z');

  beforeAll(async () => {
    standIn = await startSlackStandIn({ clock });
    client = standInClient(standIn);
  });
  afterAll(() => standIn.stop());

  it('when a trigger is minted now, then views.open accepts it although the ManualClock never moved', async () => {
    await expect(client.views.open({ trigger_id: makeTriggerId('UALICE'), view: modal() })).resolves.toMatchObject({ ok: true });
  });

  it('when a trigger was minted 4 real seconds ago, then it answers expired_trigger_id', async () => {
    const stale = makeTriggerId('UALICE', new Date(Date.now() - 4000));
    expect(await slackError(client.views.open({ trigger_id: stale, view: modal() }))).toBe('expired_trigger_id');
  });

  it('when the ManualClock jumps an hour, then a fresh trigger still opens a modal', async () => {
    clock.advance(60 * 60 * 1000);
    await expect(client.views.open({ trigger_id: standIn.triggerId('UBOB'), view: modal() })).resolves.toMatchObject({ ok: true });
  });
});

describe('makeTriggerId', () => {
  it('when a trigger id is minted, then it names its user and its mint time and looks like Slack\'s', () => {
    const at = new Date('2026-11-22T09:00:00.123Z');
    const trigger = makeTriggerId('UCAROL', at);
    expect(trigger).toMatch(/^\d+\.UCAROL\.[0-9a-f]{20}$/);
    expect(userOfTriggerId(trigger)).toBe('UCAROL');
    expect(triggerMintedAt(trigger)).toEqual(at);
  });
});
