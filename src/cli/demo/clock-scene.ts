import type { DemoContext, DemoIncident } from './script.js';

/**
 * The legal clocks part of the demo: the comms lead records when the company became aware (in her own
 * zone), applies GDPR and the enterprise contract, drafts the customer notice, the commander approves it,
 * and the comms lead records it as sent; the commander decides data subjects need no notice. Runs in the
 * incident channel after the roles are given, before the incident resolves.
 */
export async function clockScene(d: DemoContext, incident: DemoIncident): Promise<void> {
  const channel = incident.channelId;
  d.say('\n— legal clocks: what the company owes regulators and customers, and by when —');
  await d.command('UBOB', 'clock became_aware 04:00', channel);
  await d.command('UBOB', 'regime', channel);
  await d.command('UBOB', 'regime add gdpr', channel);
  await d.command('UBOB', 'regime add contract:enterprise', channel);
  await d.command('UBOB', 'notify customer-initial', channel);

  const view = d.slack.views().at(-1)?.view as { callback_id: string; private_metadata: string; blocks: { block_id?: string; element?: { initial_value?: string } }[] } | undefined;
  const draft = view?.blocks.find((b) => b.block_id === 'text')?.element?.initial_value ?? '';
  const text = draft
    .replace('[to complete: nature of the breach]', 'Card payments failed with errors for about 40 minutes after a configuration change.')
    .replace('[to complete: impact on customers]', 'Some checkouts failed; no card data was exposed.')
    .replace('[to complete: measures taken or proposed]', 'We rolled the change back and added a check that blocks it.')
    .replace('[to complete: time of the next update]', 'within 4 hours');
  await d.submit({
    callbackId: view?.callback_id ?? '',
    privateMetadata: view?.private_metadata ?? '',
    values: {
      text: { text: { type: 'plain_text_input', value: text } },
      stage: { stage: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'customers' }, value: 'contract:enterprise:customers' } } },
    },
    userId: 'UBOB',
  }, '@bob edits the draft in the modal and saves it: Warden posts it for approval.');
  const request = d.slack.messages(channel).find((m) => m.text.startsWith('Notice #1'));
  await d.action(
    { actionId: 'clocks.notice_approve', value: '1', userId: 'UALICE', channelId: channel, messageTs: request?.ts ?? '' },
    '@alice, the commander, clicks Approve: refused, approving is for Warden approvers (the @legal user group), and the refusal is audited.',
  );
  await d.action(
    { actionId: 'clocks.notice_approve', value: '1', userId: 'UCAROL', channelId: channel, messageTs: request?.ts ?? '' },
    '@carol (in @legal, so a Warden approver) clicks Approve; the drafter, @bob, never could: four eyes.',
  );
  await d.command('UBOB', 'submitted contract:enterprise:customers CASE-20417', channel);
  await d.command('UCAROL', 'notnotifiable gdpr:data_subjects Payment failures only; no personal data was accessed.', channel);
  await d.command('UBOB', 'deadlines', channel);
}
