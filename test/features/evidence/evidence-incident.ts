/**
 * Test support: a real incident driven through Warden (the full harness) with something in every part of an
 * evidence pack, and the pack's sources over the harness's database.
 */
import { loadPlaybookDirs } from '../../../src/compose-features.js';
import { loadClockCatalog } from '../../../src/config/index.js';
import { actionItemsOf } from '../../../src/features/actions/index.js';
import { evidenceSourcesOf, type EvidenceSources } from '../../../src/features/evidence/index.js';
import { startFullHarness } from '../../support/full-harness.js';
import { replyText, type Harness } from '../../support/warden-harness.js';
import { eventually } from '../notifications/app/clocks/clock-harness.js';
import { declareTyped } from '../playbooks/app/playbook-harness.js';

export const MIN = 60_000;
export const CONFIG = {
  company: { timeZone: 'Europe/Paris', name: 'Acme Cloud', contactEmail: 'security@acme.example' },
  timeZone: 'Europe/Paris',
  permissions: { admins: ['UADMIN01'], approvers: ['ULEGAL01', 'UDPO0001'] },
};

interface OpenedView {
  callback_id: string;
  private_metadata: string;
  blocks: { block_id?: string; element?: { initial_value?: string } }[];
}

/** The notice text the drafter submits (the template with its blanks filled in: the required elements are complete). */
export let noticeText = '';

/**
 * Declared 09:00Z (sev2 outage, Alice), Bob's note 09:05, at 09:10: sev1, Carol on comms, two steps closed, the
 * awareness recorded as the day before 08:00Z, GDPR and NIS2 applied, a GDPR notice drafted by ULEGAL01; approved
 * 09:20 by UDPO0001; at 09:30 GDPR (due in 72 h: met) and NIS2's early warning (due in 24 h: missed) submitted,
 * Bob takes command, an action item added and done; resolved 10:30 (a sev1 gets a review).
 */
export async function evidenceIncident(): Promise<{ h: Harness; id: string; channel: string }> {
  const h = await startFullHarness(CONFIG);
  const { id, channel } = await declareTyped(h, 'outage', 'Checkout down');
  const say = async (text: string, user = 'UALICE') => replyText((await h.incident(text, { channel, user })).body);
  await h.advance(5 * MIN);
  await say('note Rolled back the 14:02 deploy', 'UBOB');
  await h.advance(5 * MIN);
  await say('sev sev1');
  await say('role comms <@UCAROL|carol>');
  await say('playbook done assign-roles Roles are in the channel topic');
  await say('playbook skip recent-changes No change in the last day');
  await say('clock became_aware 2026-11-21T08:00:00Z', 'UCAROL');
  await say('regime add gdpr', 'UCAROL');
  await say('regime add nis2', 'UCAROL');
  await draftNotice(h, channel);
  await h.advance(10 * MIN);
  await approveNotice(h, channel, 'UDPO0001');
  await h.advance(10 * MIN);
  await say('submitted gdpr:supervisory_authority DPC-2026-0042', 'UCAROL');
  await say('submitted nis2:early_warning CSIRT-77', 'UCAROL');
  await say('role commander <@UBOB|bob>');
  await say('action add <@UBOB|bob> +3d Add a canary for checkout deploys');
  await say('action done A1 https://tickets.example/SEC-12', 'UBOB');
  await h.advance(60 * MIN);
  await say('resolve', 'UBOB');
  await h.settle();
  return { h, id, channel };
}

async function draftNotice(h: Harness, channel: string): Promise<void> {
  await h.incident('notify regulator-gdpr-art33', { channel, user: 'UBOB' });
  const view = h.slack.calls('views.open').at(-1)?.args.view as OpenedView;
  const draft = view.blocks.find((b) => b.block_id === 'text')?.element?.initial_value ?? '';
  noticeText = draft
    .replace('[to complete: nature of the breach]', 'A misconfigured bucket exposed billing exports.')
    .replace(/\[to complete: ([^\]]+)\]/g, (_, what: string) => `${what}: see the attached annex`);
  await h.submit({
    callbackId: view.callback_id,
    privateMetadata: view.private_metadata,
    values: {
      text: { text: { type: 'plain_text_input', value: noticeText } },
      stage: { stage: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'gdpr:supervisory_authority' }, value: 'gdpr:supervisory_authority' } } },
    },
    userId: 'ULEGAL01',
  });
  await h.settle();
}

async function approveNotice(h: Harness, channel: string, userId: string): Promise<void> {
  const approval = h.slack.messages(channel).find((m) => m.text.startsWith('Notice #1'));
  if (!approval) throw new Error('no approval request was posted');
  const responseId = `approve-${userId}`;
  await h.action({ actionId: 'clocks.notice_approve', value: '1', userId, channelId: channel, messageTs: approval.ts, responseUrl: h.slack.responseUrl(responseId, { channelId: channel, userId }) });
  const answer = await eventually(() => h.slack.calls('response_url').find((c) => c.responseUrlId === responseId));
  if (!String(answer.args.text).includes('approved')) throw new Error(`approval refused: ${String(answer.args.text)}`);
  await h.settle();
}

/** The pack's sources over the harness's database, with the shipped regimes and playbooks. */
export function sourcesOf(h: Harness): EvidenceSources {
  return evidenceSourcesOf(h.db, h.warden.store, {
    clockCatalog: loadClockCatalog(h.config, ['regimes']),
    playbooks: loadPlaybookDirs(h.config.playbooks.dirs),
    actionItems: actionItemsOf(h.db),
  });
}
