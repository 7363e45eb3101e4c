// User text that reaches Slack: bidi overrides and control characters never get in (stored or posted), limits
// count what a person sees, and a cut never splits an emoji.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plainTextValue, staticSelectValue } from '../support/slack-requests.js';
import { replyText, startHarness, type Harness } from '../support/warden-harness.js';

const CODER = '👩‍💻'; // one grapheme, 5 UTF-16 units
const HOSTILE = 'Pay\u202Ements\u0000 down\u2066 now\u0085';
const CLEAN = 'Payments down now';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

const declareValues = (title: string) => ({ title: { title: plainTextValue(title) }, severity: { severity: staticSelectValue('sev1') } });
const submitDeclare = (title: string) => h.submit({ callbackId: 'incident.declare', privateMetadata: '', values: declareValues(title), userId: 'UALICE', viewId: 'VTEXT' });
/** Every Web API call Warden made that shows text to people. */
const posted = () => h.slack.calls().filter((c) => /^(chat\.|views\.|conversations\.setTopic)/.test(c.method));

async function expectCleanEverywhere(): Promise<void> {
  await h.settle();
  const [incident] = h.warden.store.incidents.listOpen();
  expect(incident?.title).toBe(CLEAN);
  const channel = h.incidentChannel();
  expect(h.slack.calls('conversations.setTopic')[0]?.args.topic).toBe(`INC-2026-0001 · sev1 · ${CLEAN}`);
  expect(h.slack.messages(channel).some((m) => JSON.stringify(m).includes(CLEAN))).toBe(true);
  expect(h.slack.messages(h.announcementsId)[0]?.text).toContain(`declared: ${CLEAN}.`);
  const sent = JSON.stringify(posted().map((c) => c.args));
  // eslint-disable-next-line no-control-regex -- the very characters that must not reach Slack
  expect(sent).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u0000-\u0008\u0085]|\\u0000/);
}

describe('bidi overrides and control characters in a title', () => {
  it('when a title with U+202E and NUL is declared by slash command, then it is stored, topped, carded and announced without them', async () => {
    const res = await h.incident(`declare sev1 ${HOSTILE}`);
    expect(replyText(res.body)).toContain('INC-2026-0001');
    await expectCleanEverywhere();
  });

  it('when the same title is declared through the modal, then it is stored and posted without them too', async () => {
    expect((await submitDeclare(HOSTILE)).status).toBe(200);
    await expectCleanEverywhere();
  });
});

describe('title limits count what a person sees', () => {
  it('when a title is 120 emoji, then it is accepted; 121 are refused with a clear message, by command and by modal', async () => {
    expect(replyText((await h.incident(`declare sev2 ${CODER.repeat(121)}`)).body)).toContain('The title is 121 characters; keep it to 120 or fewer.');
    const modal = await submitDeclare(CODER.repeat(121));
    expect(modal.body).toMatchObject({ response_action: 'errors', errors: { title: 'The title is 121 characters; keep it to 120 or fewer.' } });
    expect(h.warden.store.incidents.listOpen()).toHaveLength(0);
    expect(replyText((await h.incident(`declare sev2 ${CODER.repeat(120)}`)).body)).toContain('INC-2026-0001');
    await h.settle();
    expect(h.warden.store.incidents.listOpen()[0]?.title).toBe(CODER.repeat(120));
  });

  it('when the topic is cut at 250, then it ends on a whole emoji and Slack accepts every post', async () => {
    await h.incident(`declare sev2 ${CODER.repeat(120)}`);
    await h.settle();
    const topic = String(h.slack.calls('conversations.setTopic')[0]?.args.topic);
    const prefix = 'INC-2026-0001 · sev2 · ';
    expect(topic.length).toBeLessThanOrEqual(250);
    expect(topic.endsWith('…')).toBe(true);
    const emoji = topic.slice(prefix.length, -1);
    expect(emoji.length).toBeGreaterThan(200);
    expect(emoji).toBe(CODER.repeat(emoji.length / CODER.length));
    expect(h.slack.calls().filter((c) => !c.ok)).toEqual([]);
    expect(h.warden.store.jobs.failedCount()).toBe(0);
  });
});
