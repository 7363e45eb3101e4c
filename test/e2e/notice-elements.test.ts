import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditReport } from '../support/audit-report.js';
import { eventually, startClockHarness, type ClockHarness } from '../features/notifications/app/clocks/clock-harness.js';

let h: ClockHarness;
let channel: string;
const say = (text: string, user = 'UBOB') => h.say(channel, text, user);
const APPROVERS = ['ULEGAL01', 'UDPO0001'];

interface Block {
  type: string;
  block_id?: string;
  text?: { text: string };
  element?: { initial_value?: string; initial_option?: { value: string }; options?: { value: string }[] };
}
interface OpenedView {
  callback_id: string;
  private_metadata: string;
  blocks: Block[];
}
const openedView = () => h.slack.calls('views.open').at(-1)?.args.view as OpenedView;
const draftText = (view: OpenedView) => view.blocks.find((b) => b.block_id === 'text')?.element?.initial_value ?? '';
const checklist = (view: OpenedView) => view.blocks.find((b) => b.type === 'section' && b.text?.text.startsWith('*Required by'))?.text?.text ?? '';
const chosenStage = (view: OpenedView) => view.blocks.find((b) => b.block_id === 'stage')?.element?.initial_option?.value;

const submitDraft = (view: OpenedView, userId: string, text: string, stage: string) =>
  h.submit({
    callbackId: view.callback_id,
    privateMetadata: view.private_metadata,
    values: {
      text: { text: { type: 'plain_text_input', value: text } },
      stage: { stage: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: stage }, value: stage } } },
    },
    userId,
  });
const approve = async (noticeId: number, userId: string) => {
  const message = h.slack.messages(channel).find((m) => m.text.startsWith(`Notice #${noticeId}`))!;
  const id = `approve-${noticeId}-${userId}-${Math.random()}`;
  await h.action({ actionId: 'clocks.notice_approve', value: String(noticeId), userId, channelId: channel, messageTs: message.ts, responseUrl: h.slack.responseUrl(id, { channelId: channel, userId }) });
  return String((await eventually(() => h.slack.calls('response_url').find((c) => c.responseUrlId === id))).args.text);
};
/** Drafts `text` from the open modal for the stage, as the comms lead, and has the DPO approve it. */
const draftAndApprove = async (text: string, stage: string, noticeId: number) => {
  expect((await submitDraft(openedView(), 'UBOB', text, stage)).status).toBe(200);
  await h.settle();
  expect(await approve(noticeId, 'UDPO0001')).toContain(`Notice #${noticeId} approved.`);
};
const submissions = () => h.db.prepare('SELECT count(*) AS n FROM stage_submissions').get();
const audit = () => h.warden.store.audit.forIncident('INC-2026-0001');

describe('notices that contain what the law requires', () => {
  beforeEach(async () => {
    h = await startClockHarness({ permissions: { approvers: APPROVERS }, company: { name: 'Acme Health', contactEmail: 'privacy@acme.example' } });
    await h.incident('declare sev1 Patient records exposed');
    await h.settle();
    channel = h.incidentChannel();
    await h.say(channel, 'role comms <@UBOB|bob>');
    await say('clock became_aware 2026-11-22T08:00:00Z');
    await say('regime add gdpr');
    await say('regime add hipaa');
    await h.settle();
  });
  afterEach(async () => {
    await h.stop();
  });

  it('when a GDPR Art 33 draft opens, then the modal lists its required elements as present or to complete, and preselects its stage', async () => {
    await say('notify regulator-gdpr-art33');
    const view = openedView();
    const list = checklist(view);
    expect(list).toContain('*Required by Regulation (EU) 2016/679 Art 33(3) (content), 33(1) (reasons for delay), 33(4) (information in phases)*: 3 of 4 still to complete.');
    expect(list).toContain(':white_square: 33(3)(a) nature of the breach, categories and approximate numbers of data subjects and records concerned: [to complete: nature of the breach], [to complete: categories of data subjects]');
    expect(list).toContain(':white_check_mark: 33(3)(b) name and contact details of the DPO or other contact point');
    expect(list).toContain(':white_square: 33(3)(c) likely consequences of the breach: [to complete: likely consequences]');
    expect(chosenStage(view)).toBe('gdpr:supervisory_authority');
  });

  it('when /incident notify names a stage, then the template declaring that stage opens, with HIPAA 164.404(c) (A) to (E)', async () => {
    await say('notify hipaa:individuals');
    const view = openedView();
    expect(JSON.parse(view.private_metadata)).toMatchObject({ template: 'individuals-hipaa-164-404' });
    expect(chosenStage(view)).toBe('hipaa:individuals');
    const list = checklist(view);
    for (const e of ['(A)', '(B)', '(C)', '(D)']) expect(list).toContain(`:white_square: ${e} `);
    expect(list).toContain(':white_square: (E) contact procedures, including a toll-free telephone number, an e-mail address, web site or postal address: [to complete: contact telephone number]');
    expect(draftText(view)).toContain('The breach happened on [to complete: date of the breach]. We discovered it on [to complete: date the breach was discovered].');
  });

  it('when the discovery is recorded, then the HIPAA notice gives it as the date of discovery and (A) waits only for the rest', async () => {
    await say('clock discovered 2026-11-21T23:30:00Z');
    await say('notify hipaa:individuals');
    const view = openedView();
    expect(draftText(view)).toContain('We discovered it on 2026-11-21T23:30:00Z.');
    expect(checklist(view)).toContain(':white_square: (A) what happened, with the date of the breach and the date of its discovery, if known: [to complete: nature of the breach], [to complete: date of the breach]\n');
  });

  it('when no template declares the stage, then the reply says so, lists the templates for stages, and no modal opens', async () => {
    const reply = await say('notify gdpr:processor_to_controller');
    expect(reply).toContain('No template is for gdpr:processor_to_controller. Templates for stages: data-subjects-gdpr-art34 (gdpr:data_subjects);');
    expect(reply).toContain('regulator-gdpr-art33 (gdpr:supervisory_authority)');
    expect(h.slack.calls('views.open')).toHaveLength(0);
  });

  it('when the approved draft still lacks required elements, then submitting is refused naming them and nothing is stored', async () => {
    await say('notify regulator-gdpr-art33');
    const text = draftText(openedView()).replace('[to complete: nature of the breach]', 'A misconfigured bucket exposed billing exports.');
    await draftAndApprove(text, 'gdpr:supervisory_authority', 1);
    const before = audit().length;

    const reply = await say('submitted gdpr:supervisory_authority DPC-2026-0042');
    expect(reply).toContain('Approved notice #1 for gdpr:supervisory_authority still has 3 required element(s) to complete');
    expect(reply).toContain('• 33(3)(a) nature of the breach, categories and approximate numbers of data subjects and records concerned: [to complete: categories of data subjects], [to complete: approximate number of data subjects]');
    expect(reply).toContain('• 33(3)(c) likely consequences of the breach: [to complete: likely consequences]');
    expect(reply).toContain('• 33(3)(d) measures taken or proposed, including to mitigate adverse effects: [to complete: measures taken or proposed]');
    expect(reply).not.toContain('33(3)(b)');
    expect(reply).toContain('--override');
    expect(submissions()).toEqual({ n: 0 });
    expect(audit()).toHaveLength(before);
    expect(await say('submitted gdpr:supervisory_authority DPC-2026-0042 --override')).toContain('Give your reason after --override.');
    expect(submissions()).toEqual({ n: 0 });
  });

  it('when someone who may not approve notices overrides, then it is refused and audited as a denial, and nothing is submitted', async () => {
    await say('notify regulator-gdpr-art33');
    await draftAndApprove(draftText(openedView()), 'gdpr:supervisory_authority', 1);
    const reply = await say('submitted gdpr:supervisory_authority DPC-1 --override "the DPA portal has the rest"');
    expect(reply).toContain('Only a Warden approver (<@ULEGAL01>, <@UDPO0001>) may approve a notice.');
    expect(submissions()).toEqual({ n: 0 });
    expect(audit().filter((e) => e.action === 'access.denied').map((e) => [e.actor, e.details.permission])).toEqual([['UBOB', 'notice:approve']]);
    expect(audit().some((e) => e.action === 'notice.submitted')).toBe(false);
  });

  it('when an approver overrides with a reason, then the submission is recorded and the audit log keeps who, why and what was missing', async () => {
    await say('notify regulator-gdpr-art33');
    await draftAndApprove(draftText(openedView()), 'gdpr:supervisory_authority', 1);
    const reply = await say('submitted gdpr:supervisory_authority DPC-1 \u2014override \u201cfiled in phases, Art 33(4)\u201d', 'ULEGAL01');
    expect(reply).toContain('Recorded `gdpr:supervisory_authority` as submitted (reference DPC-1)');
    expect(reply).toContain(':warning: You overrode 3 incomplete required element(s) (33(3)(a) nature of the breach');
    expect(submissions()).toEqual({ n: 1 });
    const entry = audit().find((e) => e.action === 'notice.submitted')!;
    expect(entry.actor).toBe('ULEGAL01');
    expect(entry.details.reference).toBe('DPC-1');
    expect(entry.details.override).toEqual({
      by: 'ULEGAL01',
      reason: 'filed in phases, Art 33(4)',
      missing: [
        '33(3)(a) nature of the breach, categories and approximate numbers of data subjects and records concerned',
        '33(3)(c) likely consequences of the breach',
        '33(3)(d) measures taken or proposed, including to mitigate adverse effects',
      ],
    });
    expect((await auditReport(h.db)).problems).toEqual([]);
  });

  it('when every required element is completed in the text, then the stage is submitted and an override is not recorded', async () => {
    await say('notify data-subjects-gdpr-art34');
    expect(chosenStage(openedView())).toBe('gdpr:data_subjects');
    const text = draftText(openedView())
      .replace('[to complete: nature of the breach]', 'Your billing address was exposed.')
      .replace('[to complete: likely consequences]', 'Unwanted mail.')
      .replace('[to complete: measures taken or proposed]', 'We closed the bucket.')
      .replace('[to complete: steps individuals should take to protect themselves]', 'Beware of phishing letters.');
    await draftAndApprove(text, 'gdpr:data_subjects', 1);
    const reply = await say('submitted gdpr:data_subjects mailing-2026-11-23 --override "just in case"');
    expect(reply).toContain('Recorded `gdpr:data_subjects` as submitted (reference mailing-2026-11-23); the text of approved notice #1 is kept with it');
    expect(reply).toContain('No override was needed: the approved notice has every required element.');
    const entry = audit().find((e) => e.action === 'notice.submitted')!;
    expect(entry.details.override).toBeUndefined();
    expect(await say('submitted hipaa:media press-1 --override "no draft"')).toContain('No override was needed: there is no approved notice to check.');
  });
});

describe('a configured contact number', () => {
  beforeEach(async () => {
    h = await startClockHarness({ company: { name: 'Acme Health', contactEmail: 'privacy@acme.example', contactPhone: '1-800-555-0100' } });
    await h.incident('declare sev1 Laptop stolen');
    await h.settle();
    channel = h.incidentChannel();
    await say('regime add hipaa', 'UALICE');
    await h.settle();
  });
  afterEach(async () => {
    await h.stop();
  });

  it('when company.contactPhone is set, then the HIPAA notice shows it and (E) is complete', async () => {
    await say('notify individuals-hipaa-164-404', 'UALICE');
    const view = openedView();
    expect(draftText(view)).toContain('Call us toll-free at 1-800-555-0100, or e-mail privacy@acme.example');
    expect(checklist(view)).toContain(':white_check_mark: (E) contact procedures');
  });
});
