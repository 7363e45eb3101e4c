import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { wardenFeatures } from '../../src/compose-features.js';
import { parseConfig } from '../../src/config/index.js';
import { plainTextValue, staticSelectValue } from '../support/slack-requests.js';
import { replyText, startHarness, type Harness } from '../support/warden-harness.js';

let h: Harness;
const epoch = (iso: string) => Math.floor(Date.parse(iso) / 1000);

beforeEach(async () => {
  h = await startHarness({ features: wardenFeatures(parseConfig({})) });
});
afterEach(async () => {
  await h.stop();
});

describe('the legal clocks and the playbooks, as `warden start` wires them', () => {
  it('when became_aware is recorded, then the playbook step due 24h from it gets its due time and GDPR is suggested', async () => {
    const flags = { type: 'checkboxes', selected_options: ['personal_data', 'eu_subjects'].map((value) => ({ text: { type: 'plain_text', text: value }, value })) };
    await h.submit({
      callbackId: 'incident.declare',
      privateMetadata: '',
      values: { title: { title: plainTextValue('Customer export leaked') }, severity: { severity: staticSelectValue('sev2') }, type: { type: staticSelectValue('privacy') }, flags: { flags } },
      userId: 'UALICE',
      viewId: 'VWIRED',
    });
    await h.settle();
    const channel = h.incidentChannel();
    const dueToken = `<!date^${epoch('2026-11-23T08:00:00Z')}^`;
    const everything = () => JSON.stringify(h.slack.messages(channel).map((m) => m.blocks));
    expect(everything()).toContain('Assess the risk to the people affected');
    expect(everything()).not.toContain(dueToken);
    expect(h.slack.messages(channel).some((m) => m.text.includes('suggest *GDPR'))).toBe(true);

    const res = await h.incident('clock became_aware 2026-11-22T08:00:00Z', { channel, user: 'UALICE' });
    expect(replyText(res.body)).toContain('Recorded `became_aware`');
    await h.settle();
    expect(everything()).toContain(dueToken);
    expect(h.warden.store.jobs.failedCount()).toBe(0);
  });
});
