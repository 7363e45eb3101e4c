import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replyText, startHarness, type Harness } from '../support/warden-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

describe('/incident declare', () => {
  it('when a responder declares with a severity and title, then Warden acks at once and sets up channel, card and announcement', async () => {
    const res = await h.incident('declare sev1 Payments API down');
    expect(res.status).toBe(200);
    expect(replyText(res.body)).toContain('Declared *INC-2026-0001* (sev1, security)');
    await h.settle();

    const channel = h.slack.channelByName('inc-20261122-payments-api-down');
    expect(channel).toBeDefined();
    expect(h.slack.calls('conversations.invite')[0]?.args).toMatchObject({ channel: channel?.id, users: 'UALICE' });
    expect(h.slack.calls('conversations.setTopic')[0]?.args.topic).toBe('INC-2026-0001 · sev1 · Payments API down');
    const [card] = h.slack.messages(channel!.id);
    expect(JSON.stringify(card?.blocks)).toContain('INC-2026-0001 · Payments API down');
    expect(h.slack.calls('pins.add')[0]?.args).toMatchObject({ channel: channel?.id, timestamp: card?.ts });
    const [announced] = h.slack.messages(h.announcementsId);
    expect(announced?.text).toContain(`*INC-2026-0001* (sev1) declared: Payments API down. Join <#${channel?.id}>`);
  });

  it('when Warden is not in the announcements channel, then the incident still runs and its channel says what to fix', async () => {
    await h.stop();
    h = await startHarness({ config: { channels: { announcements: 'no-such-channel' } } });
    await h.incident('declare sev2 Not invited');
    await h.settle();
    const channel = h.incidentChannel();
    expect(h.slack.messages(h.announcementsId)).toHaveLength(0);
    expect(h.slack.messages(channel).some((m) => m.text.includes('I could not announce INC-2026-0001 in the announcements channel (`no-such-channel`: channel_not_found)'))).toBe(true);
    expect(h.warden.store.jobs.failedCount()).toBe(0);
  });

  it('when a name is taken, then the channel gets a suffix', async () => {
    h.slack.addChannel('inc-20261122-payments-api-down');
    await h.incident('declare sev2 Payments API down');
    await h.settle();
    expect(h.slack.channelByName('inc-20261122-payments-api-down-2')).toBeDefined();
  });

  it('when the same request is retried by Slack, then no second incident, channel or post appears', async () => {
    const first = await h.incident('declare sev2 Login failures');
    const again = await h.incident('declare sev2 Login failures', {}, { retryNum: 1 });
    await h.settle();
    expect(replyText(again.body)).toContain('already declared *INC-2026-0001*');
    expect(replyText(first.body)).toContain('INC-2026-0001');
    expect(h.slack.calls('conversations.create')).toHaveLength(1);
    expect(h.slack.messages(h.announcementsId)).toHaveLength(1);
    expect(h.warden.store.incidents.listOpen()).toHaveLength(1);
  });

  it('when a different person declares the same title, then it is a new incident', async () => {
    await h.incident('declare sev2 Login failures', { user: 'UALICE' });
    await h.incident('declare sev2 Login failures', { user: 'UBOB' });
    await h.settle();
    expect(h.warden.store.incidents.listOpen().map((i) => i.id).sort()).toEqual(['INC-2026-0001', 'INC-2026-0002']);
  });

  it.each([
    ['declare sev9 Something', 'Unknown severity `sev9`'],
    ['declare sev1', 'needs a title'],
    ['frobnicate', 'Unknown command `frobnicate`'],
    ['status', 'works inside an incident channel'],
    ['declare sev2 --type volcano Lava in the server room', 'Unknown incident type `volcano`'],
  ])('when the text is %j, then the reply says %j and nothing is created', async (text, expected) => {
    const res = await h.incident(text);
    expect(res.status).toBe(200);
    expect(replyText(res.body)).toContain(expected);
    expect((res.body as { response_type?: string }).response_type).toBe('ephemeral');
    await h.settle();
    expect(h.slack.calls('conversations.create')).toHaveLength(0);
  });

  it('when a user types mentions or links in the title, then Warden posts them escaped', async () => {
    await h.incident('declare sev3 <!channel> see <https://evil.example|bank> <@UBOB>');
    await h.settle();
    const [announced] = h.slack.messages(h.announcementsId);
    expect(announced?.text).toContain('&lt;!channel&gt; see &lt;https://evil.example|bank&gt; &lt;@UBOB&gt;');
    expect(announced?.text).not.toContain('<!channel>');
  });
});
