import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/warden-harness.js';

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
