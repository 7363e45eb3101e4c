// Adversarial QA: every `/incident` verb with the inputs real users and attackers type. Each request must get
// HTTP 200 and a clear ephemeral answer (never "Something went wrong", never a stack trace), a refusal must
// store nothing, and no typed markup may come back as markup (the harness also fails on broadcast mentions).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { wardenModules } from '../../src/cli/modules.js';
import { parseConfig, type WardenConfigInput } from '../../src/config/index.js';
import { replyText, startHarness, type Harness } from '../support/warden-harness.js';

/** Warden with every module plugged in, as `warden start` builds it, and a managers' channel. */
async function startFullHarness(config: WardenConfigInput = {}) {
  const input = { ...config, channels: { managers: 'security-managers', ...config.channels } };
  const harness = await startHarness({ config: input, modules: wardenModules(parseConfig(input)) });
  harness.slack.addChannel('security-managers');
  return harness;
}

/** Markup a user can type that must never come back unescaped in an answer. */
const INJECTED = /<!here>|<!channel>|<!everyone>|<!subteam|<https:\/\/x\|y>|<#C123\|general>/;

let h: Harness;
beforeEach(async () => {
  h = await startFullHarness();
});
afterEach(async () => {
  await h.stop();
});

const count = (table: 'audit_log' | 'jobs') => (h.warden.store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('/incident playbook with ids that are not ids', () => {
  it('when the playbook or step named is markup, then the refusal shows it escaped and nothing changes', async () => {
    await h.incident('declare sev1 Echo check');
    await h.settle();
    const channel = h.incidentChannel();
    await h.incident('flag personal_data on', { channel });
    await h.settle();
    const before = count('audit_log');
    for (const text of ['playbook <!here>', 'playbook done <!channel> evidence', 'playbook skip <https://x|y> why', 'playbook snooze <#C123|general> 2h']) {
      const answer = replyText((await h.incident(text, { channel })).body);
      expect(answer).toMatch(/^:warning: `&lt;.*&gt;` is not a (step|playbook) id\./);
      expect(answer).not.toMatch(INJECTED);
    }
    expect(count('audit_log')).toBe(before);
  });
});
