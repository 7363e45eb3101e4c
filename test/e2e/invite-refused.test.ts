import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/warden-harness.js';

let h: Harness;
afterEach(async () => {
  await h.stop();
});

const GUESTS = {
  UGUEST01: { name: 'guest', tz: 'UTC', guest: 'multi_channel' as const },
  USINGLE1: { name: 'single', tz: 'UTC', guest: 'single_channel' as const },
};

describe('a declarer Slack will not let into the incident channel', () => {
  it.each([
    ['UGUEST01', 'user_is_restricted', 'is a guest account, which apps cannot invite'],
    ['USINGLE1', 'ura_max_channels', 'is a single-channel guest who is already in another channel'],
    ['UNOBODY1', 'user_not_found', 'is not in this workspace'],
  ])('when %s declares (%s), then the set-up still completes and the refusal is told in the channel and the announcements channel', async (user, error, reason) => {
    h = await startHarness({ slack: { users: GUESTS } });
    h.slack.joinChannel(h.announcementsId, 'USINGLE1');
    await h.incident('declare sev2 Guest declares', { user });
    await h.settle();
    const incident = h.warden.store.incidents.listOpen()[0]!;
    const channel = incident.channelId as string;
    expect(h.slack.channels().find((c) => c.id === channel)?.topic.value).toContain('Guest declares');
    expect(incident.cardTs).not.toBeNull();
    expect(h.slack.messages(channel).find((m) => m.ts === incident.cardTs)?.pinned).toBe(true);
    expect(incident.announcementTs).not.toBeNull();
    const inChannel = h.slack.messages(channel).filter((m) => m.text.includes('Slack would not let me add everyone'));
    expect(inChannel).toHaveLength(1);
    expect(inChannel[0]?.text).toContain(`<@${user}> ${reason}`);
    expect(inChannel[0]?.text).toContain(`\`${error}\``);
    const told = h.slack.messages(h.announcementsId).filter((m) => m.text.includes(`${incident.id}: Slack would not let me add everyone to <#${channel}>`));
    expect(told).toHaveLength(1);
    expect(h.warden.store.jobs.failedCount()).toBe(0);
    expect(h.warden.store.timeline.list(incident.id).filter((t) => t.text.startsWith('Slack refused to add'))).toHaveLength(1);
  });

  it('when the set-up runs again after a later step failed, then the refusal is told once', async () => {
    h = await startHarness({ slack: { users: GUESTS } });
    h.slack.failNext('conversations.setTopic', 'internal_error');
    await h.incident('declare sev2 Guest retry', { user: 'UGUEST01' });
    await h.settle();
    await h.advance(5_000);
    const incident = h.warden.store.incidents.listOpen()[0]!;
    expect(h.slack.calls('conversations.invite').length).toBeGreaterThanOrEqual(2);
    expect(h.slack.messages(incident.channelId as string).filter((m) => m.text.includes('Slack would not let me add everyone'))).toHaveLength(1);
    expect(h.slack.messages(h.announcementsId).filter((m) => m.text.includes('Slack would not let me add everyone'))).toHaveLength(1);
  });
});
