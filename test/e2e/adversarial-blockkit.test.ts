// Adversarial QA: the longest and strangest content users can type, through every surface that posts it.
// Everything Warden sends must be accepted by the stand-in (which refuses what Slack refuses), no job may
// end up failed, and user text never turns into markup (the harness also fails on any broadcast mention).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { wardenModules } from '../../src/cli/modules.js';
import { parseConfig, type WardenConfigInput } from '../../src/config/index.js';
import { plainTextValue, staticSelectValue } from '../support/slack-requests.js';
import { replyText, startHarness, type Harness } from '../support/warden-harness.js';

/** Warden with every module plugged in, as `warden start` builds it, and a managers' channel. */
async function startFullHarness(config: WardenConfigInput = {}) {
  const input = { ...config, channels: { managers: 'security-managers', ...config.channels } };
  const harness = await startHarness({ config: input, modules: wardenModules(parseConfig(input)) });
  harness.slack.addChannel('security-managers');
  return harness;
}

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
  it('when the title has 120 characters of markup and the description 2,500, then Slack accepts every post and the topic shows the title as typed, not as markup', async () => {
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
    expect(topic).not.toMatch(/<!here>|<@U123>/);
    expect(refusedCalls()).toEqual([]);
    expect(h.warden.store.jobs.failedCount()).toBe(0);
  });
});
