/** Starts the e2e harness with the playbook module and the shipped playbooks; helpers to click and wait. */
import { parseConfig, type WardenConfigInput } from '../../../../src/config/index.js';
import type { Playbook } from '../../../../src/features/playbooks/domain/model.js';
import { loadPlaybooks } from '../../../../src/features/playbooks/files/load-playbooks.js';
import { encodeStepRef } from '../../../../src/features/playbooks/slack/blocks/playbook-text.js';
import { playbooksFeature } from '../../../../src/features/playbooks/index.js';
import { nagSettingsFrom } from '../../../../src/config/index.js';
import { plainTextValue, staticSelectValue } from '../../../support/slack-requests.js';
import { startHarness, type Harness } from '../../../support/warden-harness.js';
import { repoPath } from '../../../support/repo-path.js';

export const SHIPPED = loadPlaybooks(repoPath('playbooks'));

export async function startPlaybookHarness(config: WardenConfigInput = {}, start?: string, playbooks: readonly Playbook[] = SHIPPED): Promise<Harness> {
  const nags = nagSettingsFrom(parseConfig(config));
  return startHarness({ config, features: [playbooksFeature({ playbooks, nags })], ...(start ? { start } : {}) });
}

/** Declares through the modal (the only way to give a type) and lets the channel and checklist jobs run. */
export async function declareTyped(h: Harness, type: string, title: string, severity = 'sev2', user = 'UALICE') {
  const values = { title: { title: plainTextValue(title) }, severity: { severity: staticSelectValue(severity) }, type: { type: staticSelectValue(type) } };
  await h.submit({ callbackId: 'incident.declare', privateMetadata: '', values, userId: user, viewId: `V${title.replace(/\W/g, '').slice(0, 10)}` });
  await h.settle();
  const incident = h.warden.store.incidents.listOpen()[0];
  if (!incident?.channelId) throw new Error('no incident channel');
  return { id: incident.id, channel: incident.channelId };
}

let responses = 0;

/** Clicks a checklist button as `user`; the action's response_url is routed to the stand-in. */
export function click(h: Harness, actionId: string, ref: { incidentId: string; stepId: string; channel: string }, user = 'UALICE', value?: string) {
  const id = `r${++responses}`;
  const responseUrl = h.slack.responseUrl(id, { channelId: ref.channel, userId: user });
  const sent = h.action({ actionId, value: value ?? encodeStepRef(ref), userId: user, channelId: ref.channel, messageTs: '1.0', responseUrl });
  return { id, sent };
}

/** What Warden answered at one response_url (after the ack), waiting for it briefly. */
export async function responseAt(h: Harness, id: string, waitMs = 2_000): Promise<string> {
  for (let i = 0; i < waitMs / 10; i++) {
    const call = h.slack.calls('response_url').find((c) => c.responseUrlId === id);
    if (call) return String(call.args.text ?? '');
    await new Promise((r) => setTimeout(r, 10));
  }
  return '';
}

/** The checklist messages in the channel (Warden's posts whose text starts "Playbook "). */
export function checklist(h: Harness, channel: string) {
  return h.slack.messages(channel).filter((m) => /^Playbook .* steps closed/.test(m.text));
}

export const blocksText = (m: { blocks?: unknown[] } | undefined): string => JSON.stringify(m?.blocks ?? []);
