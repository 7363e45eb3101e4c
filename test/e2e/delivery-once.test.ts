import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/warden-harness.js';
import { startPlaybookHarness } from '../features/playbooks/app/playbook-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

const withText = (channel: string, text: string) => h.slack.messages(channel).filter((m) => m.text.includes(text));

describe('a post whose answer was lost is not sent twice', () => {
  it('when Slack posted a note but its answer never arrived, then the retry finds the post by its metadata and sends nothing', async () => {
    await h.incident('declare sev2 Flaky network');
    await h.settle();
    const channel = h.incidentChannel();
    h.slack.loseAnswerNext('chat.postMessage');
    await h.incident('note Failover started', { channel });
    await h.settle();
    expect(withText(channel, 'Failover started')).toHaveLength(1);
    expect(h.warden.store.jobs.pendingCount()).toBeGreaterThan(0);
    await h.advance(2_000);
    expect(withText(channel, 'Failover started')).toHaveLength(1);
    expect(h.slack.calls('conversations.history').length).toBeGreaterThan(0);
    expect(h.warden.store.jobs.failedCount()).toBe(0);
  });

  it('when the incident card was posted but its answer lost, then the retry pins that card: one card, pinned, its ts stored', async () => {
    h.slack.loseAnswerNext('chat.postMessage');
    await h.incident('declare sev1 Card once');
    await h.settle();
    await h.advance(2_000);
    const incident = h.warden.store.incidents.listOpen()[0]!;
    const cards = h.slack.messages(incident.channelId as string).filter((m) => m.text.includes('Card once'));
    expect(cards).toHaveLength(1);
    expect(cards[0]?.pinned).toBe(true);
    expect(incident.cardTs).toBe(cards[0]?.ts);
  });

  it('when a post failed before it reached Slack, then the retry looks, finds nothing and posts it once', async () => {
    await h.incident('declare sev2 Refused once');
    await h.settle();
    const channel = h.incidentChannel();
    h.slack.failNext('chat.postMessage', 'internal_error');
    await h.incident('note Second try', { channel });
    await h.settle();
    expect(withText(channel, 'Second try')).toHaveLength(0);
    await h.advance(2_000);
    expect(withText(channel, 'Second try')).toHaveLength(1);
  });

  it('tags every post a job makes with its job and number, so each can be found again', async () => {
    await h.incident('declare sev2 Tagged posts');
    await h.settle();
    const posts = h.slack.calls('chat.postMessage').filter((c) => c.ok);
    expect(posts.length).toBeGreaterThan(1);
    for (const p of posts) expect(p.args.metadata).toMatchObject({ event_type: 'warden_delivery', event_payload: { job: expect.any(Number), n: expect.any(Number) } });
  });
});

describe('a channel whose creation answer was lost is not created twice', () => {
  it('when Slack created the channel but its answer never arrived, then the retry takes that channel: one channel, no -2', async () => {
    h.slack.loseAnswerNext('conversations.create');
    await h.incident('declare sev2 Lost create');
    await h.settle();
    await h.advance(2_000);
    const incident = h.warden.store.incidents.listOpen()[0]!;
    const made = h.slack.channels().filter((c) => c.name.includes('lost-create'));
    expect(made.map((c) => c.name)).toEqual([incident.channelName]);
    expect(incident.channelId).toBe(made[0]?.id);
    expect(h.slack.calls('conversations.list').length).toBeGreaterThan(0);
    expect(h.slack.messages(made[0]!.id).filter((m) => m.text.includes('Lost create'))).not.toHaveLength(0);
  });

  it('when another incident holds a channel of the same name, then a resumed create does not take it but the next name', async () => {
    await h.incident('declare sev2 Same name');
    await h.settle();
    h.slack.failNext('conversations.create', 'internal_error');
    await h.incident('declare sev2 Same name', { user: 'UBOB' });
    await h.settle();
    await h.advance(2_000);
    const [first, second] = h.warden.store.incidents.listOpen().sort((a, b) => a.id.localeCompare(b.id));
    expect(second?.channelId).not.toBe(first?.channelId);
    expect(second?.channelName).toBe(`${first?.channelName}-2`);
  });
});

describe('channel names', () => {
  it('when titles are in Russian, Greek or emoji, then the channels get transliterated names; when every name is taken, the incident number', async () => {
    await h.incident('declare sev2 Платежи не проходят');
    await h.incident('declare sev2 🔥 Η βάση', { user: 'UBOB' });
    await h.settle();
    const names = h.warden.store.incidents.listOpen().map((i) => i.channelName);
    expect(names).toEqual(expect.arrayContaining([expect.stringMatching(/^inc-\d{8}-platezhi-ne-prokhodyat$/), expect.stringMatching(/^inc-\d{8}-fire-i-vasi$/)]));
    h.slack.addChannel('inc-20261122-taken-everywhere', { creator: 'UOTHER1' });
    for (let n = 2; n <= 5; n++) h.slack.addChannel(`inc-20261122-taken-everywhere-${n}`, { creator: 'UOTHER1' });
    await h.incident('declare sev2 Taken everywhere', { user: 'UCAROL' });
    await h.settle();
    const taken = h.warden.store.incidents.listOpen().find((i) => i.title === 'Taken everywhere');
    expect(taken?.channelName).toBe(taken?.id.toLowerCase());
  });
});

describe('a delivery that fails for good', () => {
  it('when Slack refuses a post for good, then the job is failed and /metrics counts it by job kind and reason', async () => {
    await h.incident('declare sev2 Counted failure');
    await h.settle();
    const channel = h.incidentChannel();
    h.slack.failNext('chat.postMessage', 'channel_not_found');
    await h.incident('note This one is refused', { channel });
    await h.settle();
    expect(h.warden.store.jobs.failedCount()).toBe(1);
    const metrics = await (await fetch(`${h.url}/metrics`)).text();
    expect(metrics).toContain('warden_deliveries_failed_total{kind="slack.post",reason="channel_not_found"} 1');
  });
});

describe('a DM whose answer was lost is not sent twice', () => {
  it('when Slack delivered a role DM but its answer was lost, then the retry finds it in the DM (im:history) and sends nothing', async () => {
    await h.incident('declare sev2 Lost DM');
    await h.settle();
    const channel = h.incidentChannel();
    const dmWithBob = () => h.slack.channels().find((c) => c.isIm && c.members.includes('UBOB'));
    const dms = () => {
      const dm = dmWithBob();
      return dm ? h.slack.messages(dm.id).filter((m) => m.text.includes('INC-2026-0001')) : [];
    };
    const before = dms().length;
    // Both posts of the hand-over, the channel's and Bob's DM, reach Slack and lose their answers.
    h.slack.loseAnswerNext('chat.postMessage', 2);
    await h.incident('role scribe <@UBOB|bob>', { channel });
    await h.settle();
    await h.advance(5_000);
    expect(dms().length).toBe(before + 1);
    expect(h.slack.messages(channel).filter((m) => m.text.includes('is now *scribe*'))).toHaveLength(1);
    expect(h.slack.calls('conversations.history').some((c) => c.args.channel === dmWithBob()?.id)).toBe(true);
    expect(h.warden.store.jobs.failedCount()).toBe(0);
  });
});

describe('posts queued before the incident channel exists', () => {
  it('when the channel takes several tries to create, then the posts waiting for it spend no attempt and all go out once it exists', async () => {
    await h.stop();
    // With the playbooks feature a declaration also queues its checklist, which waits for the channel.
    h = await startPlaybookHarness();
    h.slack.failNext('conversations.create', 'internal_error', 3);
    await h.incident('declare sev2 Slow channel');
    await h.settle();
    const incident = h.warden.store.incidents.listOpen()[0]!;
    expect(incident.channelId).toBeNull();
    const waiting = h.warden.store.jobs.pendingFor(incident.id).filter((j) => j.kind !== 'slack.provision' && j.lastError?.includes('has no channel yet'));
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.every((j) => j.attempts === 0)).toBe(true);
    for (let i = 0; i < 6; i++) await h.advance(10_000);
    expect(h.warden.store.incidents.get(incident.id)?.channelId).not.toBeNull();
    expect(h.warden.store.jobs.failedCount()).toBe(0);
    expect(h.warden.store.jobs.pendingFor(incident.id).filter((j) => j.lastError?.includes('has no channel yet'))).toHaveLength(0);
  });
});
