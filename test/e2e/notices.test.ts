import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditReport } from '../support/audit-report.js';
import { eventually, startClockHarness, type ClockHarness } from '../features/notifications/app/clocks/clock-harness.js';

let h: ClockHarness;
let channel: string;
const say = (text: string, user = 'UALICE') => h.say(channel, text, user);
const APPROVERS = ['ULEGAL01', 'UDPO0001'];

interface OpenedView {
  callback_id: string;
  private_metadata: string;
  blocks: { block_id?: string; element?: { initial_value?: string; options?: { value: string }[] } }[];
}
const openedView = () => h.slack.calls('views.open').at(-1)?.args.view as OpenedView;
const draftText = (view: OpenedView) => view.blocks.find((b) => b.block_id === 'text')?.element?.initial_value ?? '';
const submitDraft = (view: OpenedView, userId: string, text: string, stage: string | null) =>
  h.submit({
    callbackId: view.callback_id,
    privateMetadata: view.private_metadata,
    values: {
      text: { text: { type: 'plain_text_input', value: text } },
      stage: { stage: { type: 'static_select', selected_option: stage ? { text: { type: 'plain_text', text: stage }, value: stage } : null } },
    },
    userId,
  });
const approval = () => h.slack.messages(channel).find((m) => m.text.startsWith('Notice #1'))!;
const click = async (actionId: string, userId: string) => {
  const id = `${actionId}-${userId}-${Math.random()}`;
  await h.action({ actionId, value: '1', userId, channelId: channel, messageTs: approval().ts, responseUrl: h.slack.responseUrl(id, { channelId: channel, userId }) });
  return String((await eventually(() => h.slack.calls('response_url').find((c) => c.responseUrlId === id))).args.text);
};

describe('drafting, approving and submitting a notice', () => {
  beforeEach(async () => {
    h = await startClockHarness({ permissions: { approvers: APPROVERS }, company: { name: 'Acme Cloud', contactEmail: 'security@acme.example' } });
    await h.incident('declare sev1 Billing database exposed');
    await h.settle();
    channel = h.incidentChannel();
    await say('role comms <@UBOB|bob>');
    await say('clock became_aware 2026-11-22T08:00:00Z', 'UBOB');
    await say('regime add gdpr', 'UBOB');
    await h.settle();
  });
  afterEach(async () => {
    await h.stop();
  });

  it('when /incident notify names a template, then a modal opens with the rendered draft and placeholders for unknown facts', async () => {
    const res = await h.incident('notify regulator-gdpr-art33', { channel, user: 'UBOB' });
    expect(res.status).toBe(200);
    const view = openedView();
    expect(view.callback_id).toBe('clocks.notice_draft');
    const text = draftText(view);
    expect(text).toContain('**Controller:** Acme Cloud');
    expect(text).toContain('**Controller became aware:** 2026-11-22T08:00:00Z');
    expect(text).toContain('**Breach detected:** [not recorded: detected]');
    expect(text).toContain('[to complete: nature of the breach]');
    const stages = view.blocks.find((b) => b.block_id === 'stage')?.element?.options?.map((o) => o.value);
    expect(stages).toEqual(['gdpr:processor_to_controller', 'gdpr:supervisory_authority', 'gdpr:data_subjects']);
  });

  it('when a draft still lacks what the law requires, then the approval request lists what is missing before anyone approves', async () => {
    await h.incident('notify regulator-gdpr-art33', { channel, user: 'UBOB' });
    expect((await submitDraft(openedView(), 'ULEGAL01', draftText(openedView()), 'gdpr:supervisory_authority')).status).toBe(200);
    await h.settle();
    const blocks = JSON.stringify(approval().blocks);
    expect(blocks).toMatch(/still to complete/);
    expect(blocks).toContain('nature of the breach');
  });

  it('when the drafter tries to approve, then it is refused; a non-approver too; another approver approves; the submission keeps the approved text', async () => {
    await h.incident('notify regulator-gdpr-art33', { channel, user: 'UBOB' });
    const completed: Record<string, string> = {
      'nature of the breach': 'A misconfigured bucket exposed billing exports.',
      'categories of data subjects': 'customers',
      'approximate number of data subjects': 'about 1,200',
      'categories of personal data records': 'billing addresses',
      'approximate number of personal data records': 'about 3,000',
      'likely consequences': 'phishing',
      'measures taken or proposed': 'bucket closed',
    };
    const edited = Object.entries(completed).reduce((t, [label, value]) => t.replace(`[to complete: ${label}]`, value), draftText(openedView()));
    expect((await submitDraft(openedView(), 'ULEGAL01', edited, 'gdpr:supervisory_authority')).status).toBe(200);
    await h.settle();
    expect(approval().text).toBe('Notice #1 for `gdpr:supervisory_authority`: waiting for approval');
    expect(JSON.stringify(approval().blocks)).toContain('A misconfigured bucket exposed billing exports.');
    expect(JSON.stringify(approval().blocks)).toContain(': all present.');

    expect(await click('clocks.notice_approve', 'ULEGAL01')).toContain('You drafted notice #1; another approver must approve it.');
    expect(await click('clocks.notice_approve', 'UBOB')).toContain(':no_entry: Only a Warden approver (<@ULEGAL01>, <@UDPO0001>) may approve a notice.');
    expect(await click('clocks.notice_approve', 'UDPO0001')).toContain('Notice #1 approved.');
    await h.settle();
    expect(approval().text).toContain('approved');
    expect(JSON.stringify(approval().blocks)).toContain('Approved by <@UDPO0001>');
    expect(JSON.stringify(approval().blocks)).not.toContain('clocks.notice_approve');

    expect(await say('submitted gdpr:supervisory_authority DPC-2026-0042', 'UBOB')).toContain('the text of approved notice #1 is kept with it');
    await h.settle();
    const submission = h.db.prepare('SELECT * FROM stage_submissions').get() as Record<string, unknown>;
    expect(submission).toMatchObject({ regime_id: 'gdpr', stage_id: 'supervisory_authority', reference: 'DPC-2026-0042', notice_id: 1, drafted_by: 'ULEGAL01', approved_by: 'UDPO0001', recorded_by: 'UBOB', final_text: edited.trim() });
    expect(h.board(channel)).toContain(':large_green_circle: *supervisory_authority*');
    const actions = h.warden.store.audit.forIncident('INC-2026-0001').map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['notice.drafted', 'notice.approved', 'notice.submitted']));
    expect((await auditReport(h.db)).problems).toEqual([]);
  });

  it('when an approver requests changes, then the draft cannot be approved any more', async () => {
    await h.incident('notify customer-initial', { channel, user: 'UBOB' });
    await submitDraft(openedView(), 'UBOB', draftText(openedView()), null);
    await h.settle();
    expect(await click('clocks.notice_changes', 'ULEGAL01')).toContain('sent back for changes');
    expect(await click('clocks.notice_approve', 'UDPO0001')).toContain('was already sent back for changes by <@ULEGAL01>');
    await h.settle();
    expect(JSON.stringify(approval().blocks)).toContain('asked for changes');
  });

  it('when Slack retries the submission, then one draft and one approval request exist', async () => {
    await h.incident('notify customer-initial', { channel, user: 'UBOB' });
    const view = openedView();
    await submitDraft(view, 'UBOB', draftText(view), null);
    await submitDraft(view, 'UBOB', draftText(view), null);
    await h.settle();
    expect(h.db.prepare('SELECT count(*) AS n FROM notices').get()).toEqual({ n: 1 });
    expect(h.slack.messages(channel).filter((m) => m.text.startsWith('Notice #'))).toHaveLength(1);
  });

  it('when the draft is emptied, then the modal shows the error on the text and nothing is stored', async () => {
    await h.incident('notify customer-initial', { channel, user: 'UBOB' });
    const res = await submitDraft(openedView(), 'UBOB', '   ', null);
    expect(res.body).toEqual({ response_action: 'errors', errors: { text: 'The notice is empty.' } });
    expect(h.db.prepare('SELECT count(*) AS n FROM notices').get()).toEqual({ n: 0 });
  });

  it('when a stage is submitted without an approved draft, then it is recorded with no text and says so', async () => {
    expect(await say('submitted gdpr:supervisory_authority DPC-1', 'UBOB')).toContain('no approved draft was on record');
    expect(await say('submitted gdpr:supervisory_authority DPC-1', 'UBOB')).toContain('was already submitted at');
    expect(await say('submitted gdpr:supervisory_authority', 'UBOB')).toContain('was already submitted');
  });

  it('when the template is unknown, then the error lists the templates and no modal opens', async () => {
    expect(await say('notify regulator-dpc', 'UBOB')).toContain('no template "regulator-dpc"; available: customer-data-breach, customer-final, customer-initial, customer-update, data-subjects-gdpr-art34, exec-summary,');
    expect(await say('notify <!channel>', 'UBOB')).toContain('`&lt;!channel&gt;` is not a template or a stage.');
    expect(h.slack.calls('views.open')).toHaveLength(0);
  });
});

describe('a template with an unknown variable', () => {
  let dir: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'warden-templates-'));
    writeFileSync(join(dir, 'broken.md'), 'Dear customer,\n\n{{facts.nature}} and {{facts.favouriteColour}}\n');
    h = await startClockHarness({ templates: { dir } });
    await h.incident('declare sev2 Outage');
    await h.settle();
    channel = h.incidentChannel();
  });
  afterEach(async () => {
    await h.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('when it is used, then the template error is shown and nothing is stored or opened', async () => {
    expect(await say('notify broken')).toContain('template broken: unknown variable "facts.favouriteColour" (line 3)');
    expect(h.slack.calls('views.open')).toHaveLength(0);
    expect(h.db.prepare('SELECT count(*) AS n FROM notices').get()).toEqual({ n: 0 });
  });
});

describe('approval with no approvers configured', () => {
  beforeEach(async () => {
    h = await startClockHarness({ permissions: { admins: ['UADMIN01'] } });
    await h.incident('declare sev1 Commander drafts');
    await h.settle();
    channel = h.incidentChannel();
    await say('clock became_aware 2026-11-22T08:00:00Z');
    await say('regime add gdpr');
    await h.settle();
  });
  afterEach(async () => {
    await h.stop();
  });

  it('when no approver is configured, then neither the commander nor the drafter may approve, a Warden admin can, and each refusal is audited', async () => {
    await h.incident('notify regulator-gdpr-art33', { channel, user: 'UBOB' });
    await submitDraft(openedView(), 'UBOB', draftText(openedView()), 'gdpr:supervisory_authority');
    await h.settle();
    const fallsToAdmins = 'Only a Warden admin (<@UADMIN01>) may approve a notice. No approver is configured in warden.yaml, so approvals fall to Warden admins (never to the commander).';
    expect(await click('clocks.notice_approve', 'UALICE')).toContain(fallsToAdmins);
    expect(await click('clocks.notice_approve', 'UBOB')).toContain(fallsToAdmins);
    const denied = h.warden.store.audit.forIncident('INC-2026-0001').filter((e) => e.action === 'access.denied');
    expect(denied.map((e) => [e.actor, e.details.permission])).toEqual([['UALICE', 'notice:approve'], ['UBOB', 'notice:approve']]);
    expect(await click('clocks.notice_approve', 'UADMIN01')).toContain('Notice #1 approved.');
  });
});
