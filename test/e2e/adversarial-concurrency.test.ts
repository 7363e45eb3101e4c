// Adversarial QA: double clicks, requests sent at the same moment, and Slack's redeliveries (X-Slack-Retry-Num)
// of events, button clicks and form submissions. Each must leave one record and one post, never two.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeStepRef } from '../../src/features/playbooks/slack/blocks/playbook-text.js';
import { pinAddedEvent, plainTextValue, reactionAddedEvent, staticSelectValue } from '../support/slack-requests.js';
import { replyText, type Harness } from '../support/warden-harness.js';
import { startFullHarness } from '../support/full-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startFullHarness({ permissions: { approvers: ['ULEGAL01', 'UDPO0001'] } });
});
afterEach(async () => {
  await h.stop();
});

const audits = (action: string) => h.db.prepare('SELECT actor FROM audit_log WHERE action = ?').pluck().all(action);
const declareValues = (title: string, flags: string[] = []) => ({
  title: { title: plainTextValue(title) },
  severity: { severity: staticSelectValue('sev1') },
  flags: { flags: { type: 'checkboxes', selected_options: flags.map((value) => ({ text: { type: 'plain_text', text: value }, value })) } },
});

/** What Warden told the clicker at a response URL, waiting briefly for work done after the ack. */
async function toldAt(id: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const call = h.slack.calls('response_url').find((c) => c.responseUrlId === id);
    if (call) return String(call.args.text);
    await new Promise((r) => setTimeout(r, 10));
  }
  return '';
}

describe('two declarations at the same moment', () => {
  it('when one person sends the same title twice at once (a double submit), then one incident, one channel and one announcement exist, and both answers name it', async () => {
    const answers = await Promise.all([h.incident('declare sev1 Same title'), h.incident('declare sev1 Same title'), h.incident('declare sev1 same title ')]);
    await h.settle();
    expect(h.warden.store.incidents.listOpen().map((i) => i.id)).toEqual(['INC-2026-0001']);
    for (const a of answers) expect(replyText(a.body)).toContain('INC-2026-0001');
    expect(h.slack.calls('conversations.create')).toHaveLength(1);
    expect(h.slack.messages(h.announcementsId)).toHaveLength(1);
  });

  it('when one person submits the declare form twice at once from two modals, then one incident exists', async () => {
    await Promise.all([
      h.submit({ callbackId: 'incident.declare', privateMetadata: '', values: declareValues('Modal twice'), userId: 'UALICE', viewId: 'VONE' }),
      h.submit({ callbackId: 'incident.declare', privateMetadata: '', values: declareValues('Modal twice'), userId: 'UALICE', viewId: 'VTWO' }),
    ]);
    await h.settle();
    expect(h.warden.store.incidents.listOpen()).toHaveLength(1);
    expect(h.slack.calls('conversations.create')).toHaveLength(1);
  });

  it('when two people declare the same title at once, then each gets an incident and its own channel', async () => {
    await Promise.all([h.incident('declare sev1 Same title', { user: 'UALICE' }), h.incident('declare sev1 Same title', { user: 'UBOB' })]);
    await h.settle();
    const channels = h.warden.store.incidents.listOpen().map((i) => i.channelName).sort();
    expect(channels).toEqual(['inc-20261122-same-title', 'inc-20261122-same-title-2']);
    expect(h.warden.store.jobs.failedCount()).toBe(0);
  });
});

describe('two approvals of the same notice at the same moment', () => {
  it('when both approvers click Approve at once, then the notice is approved once, by one of them, and the other is told who was first', async () => {
    await h.incident('declare sev1 Approvals race');
    await h.settle();
    const channel = h.incidentChannel();
    await h.incident('notify customer-initial', { channel });
    const view = h.slack.calls('views.open').at(-1)?.args.view as { private_metadata: string };
    await h.submit({ callbackId: 'clocks.notice_draft', privateMetadata: view.private_metadata, values: { text: { text: plainTextValue('Dear customers') } }, userId: 'UALICE' });
    await h.settle();
    const approval = h.slack.messages(channel).find((m) => m.text.startsWith('Notice #1'));
    const approve = (user: string) =>
      h.action({ actionId: 'clocks.notice_approve', value: '1', userId: user, channelId: channel, messageTs: approval?.ts as string, responseUrl: h.slack.responseUrl(user, { channelId: channel, userId: user }) });
    await Promise.all([approve('ULEGAL01'), approve('UDPO0001')]);
    const told = [await toldAt('ULEGAL01'), await toldAt('UDPO0001')].sort();
    const approvedBy = audits('notice.approved');
    expect(approvedBy).toHaveLength(1);
    expect(told).toEqual(['Notice #1 approved.', `:warning: Notice #1 was already approved by <@${approvedBy[0]}>.`].sort());
    await h.settle();
    expect(h.slack.messages(channel).find((m) => m.ts === approval?.ts)?.text).toBe('Notice #1: approved');
  });
});

describe('Slack redelivering what it thinks was missed', () => {
  it('when a pin event is redelivered with X-Slack-Retry-Num, and the same message is then also reacted with :pushpin:, then the timeline has it once', async () => {
    await h.incident('declare sev1 Retried events');
    await h.settle();
    const channel = h.incidentChannel();
    const [card] = h.slack.messages(channel);
    const pin = pinAddedEvent({ userId: 'UBOB', channelId: channel, messageTs: card?.ts as string, text: 'Root cause found' });
    expect((await h.event(pin, 'EvPIN1')).status).toBe(200);
    expect((await h.event(pin, 'EvPIN1', { retryNum: 1 })).status).toBe(200);
    await h.event(reactionAddedEvent({ userId: 'UCAROL', reaction: 'pushpin', channelId: channel, messageTs: card?.ts as string }), 'EvREACT1');
    await new Promise((r) => setTimeout(r, 100));
    expect(h.warden.store.timeline.list(h.warden.store.incidents.listOpen()[0]?.id as string).filter((e) => e.kind === 'pinned')).toHaveLength(1);
  });

  it('when a suggestion click is redelivered, then the regime is applied once and the retry is told it already is', async () => {
    await h.submit({ callbackId: 'incident.declare', privateMetadata: '', values: declareValues('EU records exposed', ['personal_data', 'eu_subjects']), userId: 'UALICE', viewId: 'VEU' });
    await h.settle();
    const incident = h.warden.store.incidents.listOpen()[0];
    const channel = incident?.channelId as string;
    const suggestion = h.slack.messages(channel).find((m) => m.text.includes('suggest *GDPR'));
    const click = (id: string, retryNum?: number) =>
      h.action({ actionId: 'clocks.apply_regime', value: `${incident?.id}|gdpr`, userId: 'UBOB', channelId: channel, messageTs: suggestion?.ts as string, responseUrl: h.slack.responseUrl(id, { channelId: channel, userId: 'UBOB' }) }, retryNum === undefined ? undefined : { retryNum });
    await click('first');
    await click('retry', 1);
    expect(await toldAt('retry')).toContain('is already applied');
    await h.settle();
    expect(audits('clock.regime_applied')).toEqual(['UBOB']);
    expect(h.slack.messages(channel).filter((m) => m.text.startsWith(':scales: <@UBOB> applied *GDPR'))).toHaveLength(1);
    expect(h.warden.store.jobs.failedCount()).toBe(0);
  });

  it('when a notice form and an evidence form are redelivered, then one draft, one approval request and one step record exist, and the retried form just closes', async () => {
    await h.incident('declare sev1 Retried forms');
    await h.settle();
    const channel = h.incidentChannel();
    const id = h.warden.store.incidents.listOpen()[0]?.id as string;
    await h.incident('flag personal_data on', { channel });
    await h.incident('notify customer-initial', { channel });
    const view = h.slack.calls('views.open').at(-1)?.args.view as { private_metadata: string };
    const draft = { callbackId: 'clocks.notice_draft', privateMetadata: view.private_metadata, values: { text: { text: plainTextValue('Dear customers') } }, userId: 'UALICE', viewId: 'VDRAFT' };
    const evidence = { callbackId: 'playbook.evidence', privateMetadata: encodeStepRef({ incidentId: id, stepId: 'record-awareness' }), values: { evidence: { evidence_value: plainTextValue('Ticket SEC-1') } }, userId: 'UALICE', viewId: 'VEVID' };
    await h.settle();
    expect((await h.submit(draft)).body).toBe('');
    expect((await h.submit(draft, { retryNum: 1 })).body).toBe('');
    expect((await h.submit(evidence)).body).toBe('');
    expect((await h.submit(evidence, { retryNum: 1 })).body).toBe('');
    await h.settle();
    expect(audits('notice.drafted')).toHaveLength(1);
    expect(h.slack.messages(channel).filter((m) => m.text.startsWith('Notice #'))).toHaveLength(1);
    expect(audits('playbook.step_done')).toHaveLength(1);
    expect(h.warden.store.jobs.failedCount()).toBe(0);
  });

  it('when two responders click Done on the same step at once, then it is done once and the second is told who was first', async () => {
    await h.incident('declare sev1 Double done');
    await h.settle();
    const channel = h.incidentChannel();
    const id = h.warden.store.incidents.listOpen()[0]?.id as string;
    await h.incident('flag personal_data on', { channel });
    await h.event(h.slack.joinChannel(channel, 'UBOB'));
    await h.settle();
    const done = (user: string) =>
      h.action({ actionId: 'playbook.done', value: encodeStepRef({ incidentId: id, stepId: 'open-record' }), userId: user, channelId: channel, messageTs: '1.0', responseUrl: h.slack.responseUrl(`done-${user}`, { channelId: channel, userId: user }) });
    await Promise.all([done('UALICE'), done('UBOB')]);
    const [first] = audits('playbook.step_done');
    expect(audits('playbook.step_done')).toHaveLength(1);
    const second = first === 'UALICE' ? 'UBOB' : 'UALICE';
    expect(await toldAt(`done-${second}`)).toContain(`Already done by <@${first}>`);
  });
});
