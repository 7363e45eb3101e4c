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

  it('when a user types markup or links in the title, then Warden posts them escaped, and a mention Slack completed stays a mention', async () => {
    await h.incident('declare sev3 <!channel> see <https://evil.example|bank> <@UBOB>');
    await h.settle();
    const [announced] = h.slack.messages(h.announcementsId);
    expect(announced?.text).toContain('&lt;!channel&gt; see &lt;https://evil.example|bank&gt; <@UBOB>');
    expect(announced?.text).not.toContain('<!channel>');
  });

  it('when Slack sends the title escaped (R&amp;D VPN &lt;eu&gt;), then the channel name has no entity in it and readers see what was typed', async () => {
    const res = await h.incident('declare sev2 R&amp;D VPN &lt;eu&gt; down', {}, undefined, { wireText: true });
    await h.settle();
    const incident = h.warden.store.incidents.listOpen()[0];
    expect(incident?.title).toBe('R&D VPN <eu> down');
    const name = h.slack.calls('conversations.create')[0]?.args.name as string;
    expect(name).toMatch(/^inc-\d{8}-r-d-vpn-eu-down$/);
    expect(name).not.toMatch(/amp|lt|gt/);
    // In mrkdwn `&amp;` and `&lt;` render as & and <: the reader sees R&D VPN <eu> down, once escaped.
    expect(replyText(res.body)).toContain('R&amp;D VPN &lt;eu&gt; down');
    expect(h.slack.messages(h.announcementsId)[0]?.text).toContain('R&amp;D VPN &lt;eu&gt; down');
    expect(JSON.stringify(h.slack.calls())).not.toContain('&amp;amp;');
  });

  it('when the person typed @here and Slack sent it as its <!here> token, then it is stored as the plain text @here and pings nobody', async () => {
    await h.incident('declare sev3 <!here> login broken for <@UBOB|bob>', {}, undefined, { wireText: true });
    await h.settle();
    expect(h.warden.store.incidents.listOpen()[0]?.title).toBe('@here login broken for <@UBOB>');
    const [announced] = h.slack.messages(h.announcementsId);
    expect(announced?.text).toContain('@here login broken for <@UBOB>');
  });

  it('when the commander changes while provisioning is retried, then the retry invites the new commander although the declarer is already in', async () => {
    h.slack.failNext('conversations.setTopic', 'internal_error');
    await h.incident('declare sev2 Vault unreachable');
    await h.settle();
    const channel = h.incidentChannel();
    expect(h.slack.channels().find((c) => c.id === channel)?.members).toContain('UALICE');
    await h.incident('role commander <@UBOB>', { channel });
    await h.advance(60_000);
    // Slack's invite is all-or-nothing unless `force`: without it, UALICE being in already would keep UBOB out.
    expect(h.slack.channels().find((c) => c.id === channel)?.members).toContain('UBOB');
    expect(h.warden.store.jobs.failedCount()).toBe(0);
  });
});
