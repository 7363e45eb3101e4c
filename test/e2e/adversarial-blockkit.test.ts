// Adversarial QA: the longest and strangest content users can type, through every surface that posts it.
// Everything Warden sends must be accepted by the stand-in (which refuses what Slack refuses), no job may
// end up failed, and user text never turns into markup (the harness also fails on any broadcast mention).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeStepRef } from '../../src/features/playbooks/slack/blocks/playbook-text.js';
import { pinAddedEvent, plainTextValue, staticSelectValue } from '../support/slack-requests.js';
import { replyText, type Harness } from '../support/warden-harness.js';
import { startFullHarness } from '../support/full-harness.js';

/** `n` characters of text full of what Slack reads as markup, plus emoji. */
const nasty = (n: number, unit = 'Scope <!here> & <@U123> *bold* `x` 🔥 ') => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

let h: Harness;
beforeEach(async () => {
  h = await startFullHarness({ permissions: { approvers: ['ULEGAL01', 'UDPO0001'] } });
});
afterEach(async () => {
  await h.stop();
});

const refusedCalls = () => h.slack.calls().filter((c) => !c.ok && c.method !== 'response_url');

describe('long and hostile content through the declare modal', () => {
  it('when the title has 120 characters of markup and the description 2,500, then Slack accepts every post and the topic shows the markup as typed, a mention as a mention', async () => {
    const title = nasty(120);
    const values = {
      title: { title: plainTextValue(title) },
      severity: { severity: staticSelectValue('sev1') },
      type: { type: staticSelectValue('privacy') },
      description: { description: plainTextValue(nasty(2_500)) },
    };
    const res = await h.submit({ callbackId: 'incident.declare', privateMetadata: '', values, userId: 'UALICE', viewId: 'VLONG' });
    expect(res.status).toBe(200);
    await h.settle();
    const topic = String(h.slack.calls('conversations.setTopic')[0]?.args.topic);
    expect(topic).toContain('&lt;!here&gt;');
    expect(topic).not.toMatch(/<!here>/);
    expect(topic).toContain('<@U123>');
    expect(refusedCalls()).toEqual([]);
    expect(h.warden.store.jobs.failedCount()).toBe(0);
  });
});

/** The notice text as the approval request quotes it, read back the way Slack shows it. */
function quotedNotice(blocks: unknown): string {
  const sections = (blocks as { type: string; text?: { text: string } }[]).filter((b) => b.type === 'section').slice(1);
  const raw = sections.map((b) => (b.text?.text ?? '').replace(/^>/, '').replaceAll('\n>', '\n')).join('');
  return raw.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

describe('a notice as long as Slack lets anyone type it', () => {
  it('when a 3,000-character draft is full of <, > and &, then the approval request still shows every character of it', async () => {
    await h.incident('declare sev1 Billing exports exposed');
    await h.settle();
    const channel = h.incidentChannel();
    await h.incident('notify customer-initial', { channel });
    const view = h.slack.calls('views.open').at(-1)?.args.view as { private_metadata: string };
    const text = nasty(3_000, 'R&D <ops> & Q&A; ');
    const res = await h.submit({ callbackId: 'clocks.notice_draft', privateMetadata: view.private_metadata, values: { text: { text: plainTextValue(text) } }, userId: 'UALICE' });
    expect(res.body).toBe('');
    await h.settle();
    const approval = h.slack.messages(channel).find((m) => m.text.startsWith('Notice #1'));
    expect(quotedNotice(approval?.blocks)).toBe(text.trim());
    expect(refusedCalls()).toEqual([]);
    expect(h.warden.store.jobs.failedCount()).toBe(0);
  });
});

describe('every long text a responder can post, at the limits the forms allow', () => {
  const HOUR = 3_600_000;

  it('when updates, notes, evidence, skip reasons, a rationale and a pinned message are as long as allowed and full of markup, then Slack accepts every post and no job fails', async () => {
    await h.incident('declare sev1 Customer records exposed');
    await h.settle();
    const channel = h.incidentChannel();
    const id = h.warden.store.incidents.listOpen()[0]?.id as string;
    const say = async (text: string, user = 'UALICE') => replyText((await h.incident(text, { channel, user })).body);
    const modal = (callbackId: string, meta: string, block: string, action: string, text: string, user = 'UALICE') =>
      h.submit({ callbackId, privateMetadata: meta, values: { [block]: { [action]: plainTextValue(text) } }, userId: user });

    expect(await say(`update ${nasty(2_500)}`)).toContain('Update posted.');
    expect(await say(`note ${nasty(2_500)}`)).toContain('Noted in the timeline.');
    expect(await say('flag personal_data on')).toContain('is now *on*');
    await h.settle();
    expect(await say(`playbook done record-awareness ${nasty(1_000)}`)).toContain('Done:');
    expect(await say(`playbook skip estimate-subjects ${nasty(500)}`)).toContain('Skipped:');
    expect((await modal('playbook.evidence', encodeStepRef({ incidentId: id, stepId: 'preserve-evidence' }), 'evidence', 'evidence_value', nasty(1_000))).body).toBe('');
    expect((await modal('playbook.skip_reason', encodeStepRef({ incidentId: id, stepId: 'engage-counsel' }), 'reason', 'reason_value', nasty(500))).body).toBe('');
    expect(await say('clock became_aware 2026-11-22T08:00:00Z')).toContain('Recorded');
    expect(await say('regime add gdpr')).toContain('Applied');
    const meta = JSON.stringify({ incidentId: id, ref: 'gdpr:data_subjects' });
    expect((await modal('clocks.not_notifiable_reason', meta, 'reason', 'reason', nasty(1_000), 'ULEGAL01')).body).toBe('');
    await h.settle();
    const [card] = h.slack.messages(channel);
    await h.event(pinAddedEvent({ userId: 'UBOB', channelId: channel, messageTs: card?.ts as string, text: nasty(4_000) }), 'EvLongPin');
    expect(await say('role comms <@UBOB|bob>')).toContain('assigned');
    await h.advance(30 * HOUR);

    expect(refusedCalls()).toEqual([]);
    expect(h.warden.store.jobs.failedCount()).toBe(0);
    const posted = h.slack.messages(channel).map((m) => JSON.stringify(m.blocks));
    expect(posted.some((b) => b.includes('Scope &lt;!here&gt; &amp; <@U123>'))).toBe(true);
  });
});
