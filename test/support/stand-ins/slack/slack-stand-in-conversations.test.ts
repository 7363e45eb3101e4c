import type { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../src/platform/clock.js';
import { startSlackStandIn, type SlackStandIn } from '../../slack-stand-in.js';
import { slackError, standInClient } from '../../stand-in-client.js';

let standIn: SlackStandIn;
let client: WebClient;
const clock = new ManualClock('2026-11-22T08:30:00Z');

beforeAll(async () => {
  standIn = await startSlackStandIn({ clock });
  client = standInClient(standIn);
});
afterAll(() => standIn.stop());
beforeEach(() => standIn.reset());

describe('Slack stand-in: authentication', () => {
  it('when no token is sent, then it answers not_authed', async () => {
    expect(await slackError(standInClient(standIn, { token: null }).auth.test())).toBe('not_authed');
  });

  it('when another token is sent, then it answers invalid_auth', async () => {
    expect(await slackError(standInClient(standIn, { token: 'xoxb-wrong' }).auth.test())).toBe('invalid_auth');
  });

  it('when the token is right, then auth.test names the bot and the team', async () => {
    const result = await client.auth.test();
    expect(result).toMatchObject({ ok: true, user_id: 'U0WARDEN', bot_id: 'B0WARDEN', team_id: 'T0WARDEN' });
  });

  it('when a method does not exist, then it answers unknown_method', async () => {
    expect(await slackError(client.apiCall('chat.shout', { text: 'hi' }))).toBe('unknown_method');
  });
});

describe('Slack stand-in: conversations', () => {
  it('when a channel is created, then it gets a C id, its name and the creation time', async () => {
    const result = await client.conversations.create({ name: 'inc-20261122-payments-api-down' });
    expect(result.channel).toMatchObject({
      id: expect.stringMatching(/^C/),
      name: 'inc-20261122-payments-api-down',
      created: Date.parse('2026-11-22T08:30:00Z') / 1000,
      is_member: true,
    });
    expect(standIn.channelByName('inc-20261122-payments-api-down')?.id).toBe(result.channel?.id);
  });

  it('when the name is already used, even by an archived channel, then it answers name_taken', async () => {
    const { channel } = await client.conversations.create({ name: 'inc-1' });
    await client.conversations.archive({ channel: channel!.id! });
    expect(await slackError(client.conversations.create({ name: 'inc-1' }))).toBe('name_taken');
  });

  it.each([
    ['Inc-Upper', 'invalid_name_specials'],
    ['inc with spaces', 'invalid_name_specials'],
    ['inc.dot', 'invalid_name_specials'],
    ['x'.repeat(81), 'invalid_name_maxlength'],
    ['---', 'invalid_name_punctuation'],
  ])('when the name is %j, then it answers %s', async (name, error) => {
    expect(await slackError(client.conversations.create({ name }))).toBe(error);
  });

  it('when the name has exactly 80 allowed characters, then it is accepted', async () => {
    const name = `inc_${'a1-'.repeat(25)}xyz0`.slice(0, 80);
    expect(name).toHaveLength(80);
    await expect(client.conversations.create({ name })).resolves.toMatchObject({ ok: true });
  });

  it('when people are invited, then they become members, and inviting them again answers already_in_channel', async () => {
    const { channel } = await client.conversations.create({ name: 'inc-2' });
    await client.conversations.invite({ channel: channel!.id!, users: 'UALICE,UBOB' });
    const { members } = await client.conversations.members({ channel: channel!.id! });
    expect(members).toEqual(['U0WARDEN', 'UALICE', 'UBOB']);
    expect(await slackError(client.conversations.invite({ channel: channel!.id!, users: 'UALICE,UBOB' }))).toBe('already_in_channel');
    expect(await slackError(client.conversations.invite({ channel: channel!.id!, users: 'UNOBODY' }))).toBe('user_not_found');
  });

  it('when a topic has 251 characters, then it answers too_long, and 250 are set', async () => {
    const { channel } = await client.conversations.create({ name: 'inc-3' });
    const id = channel!.id!;
    expect(await slackError(client.conversations.setTopic({ channel: id, topic: 't'.repeat(251) }))).toBe('too_long');
    await client.conversations.setTopic({ channel: id, topic: 'Sev1 | Commander @alice' });
    const info = await client.conversations.info({ channel: id });
    expect(info.channel?.topic?.value).toBe('Sev1 | Commander @alice');
  });

  it('when a channel is archived, then posting to it answers is_archived', async () => {
    const { channel } = await client.conversations.create({ name: 'inc-4' });
    await client.conversations.archive({ channel: channel!.id! });
    expect(await slackError(client.chat.postMessage({ channel: channel!.id!, text: 'late' }))).toBe('is_archived');
    expect(await slackError(client.conversations.archive({ channel: channel!.id! }))).toBe('already_archived');
  });

  it('when the bot joins a seeded public channel, then it becomes a member', async () => {
    const seeded = standIn.addChannel('managers', { members: ['UALICE'] });
    expect(seeded.members).not.toContain('U0WARDEN');
    await client.conversations.join({ channel: seeded.id });
    expect(standIn.channelByName('managers')?.members).toContain('U0WARDEN');
  });

  it('when a private channel does not include the bot, then it does not exist for the bot', async () => {
    const secret = standIn.addChannel('secret', { isPrivate: true, members: ['UALICE'] });
    expect(await slackError(client.conversations.info({ channel: secret.id }))).toBe('channel_not_found');
    expect(await slackError(client.chat.postMessage({ channel: secret.id, text: 'hi' }))).toBe('channel_not_found');
  });

  it('when a public channel is named instead of given by id, then the post lands there, and a private one stays hidden', async () => {
    const managers = standIn.addChannel('security-managers');
    const posted = await client.chat.postMessage({ channel: '#security-managers', text: 'overdue' });
    expect(posted.channel).toBe(managers.id);
    expect((await client.chat.postMessage({ channel: 'security-managers', text: 'again' })).channel).toBe(managers.id);
    standIn.addChannel('secret-room', { isPrivate: true, members: ['UALICE'] });
    expect(await slackError(client.chat.postMessage({ channel: 'secret-room', text: 'hi' }))).toBe('channel_not_found');
  });

  it('when a DM is opened twice, then it is the same D channel, and posting to the user id lands there', async () => {
    const first = await client.conversations.open({ users: 'UALICE' });
    const second = await client.conversations.open({ users: 'UALICE' });
    expect(first.channel?.id).toMatch(/^D/);
    expect(second.channel?.id).toBe(first.channel?.id);
    const posted = await client.chat.postMessage({ channel: 'UALICE', text: 'Your patch is due tomorrow' });
    expect(posted.channel).toBe(first.channel?.id);
    expect(standIn.messages(first.channel!.id!).map((m) => m.text)).toEqual(['Your patch is due tomorrow']);
  });

  it('when a call is made, then it is recorded in order with decoded arguments and no token', async () => {
    await client.chat.postMessage({ channel: 'UBOB', text: 'hi', blocks: [{ type: 'divider' }] });
    await slackError(client.conversations.create({ name: 'Bad Name' }));
    const calls = standIn.calls();
    expect(calls.map((c) => [c.method, c.ok, c.error])).toEqual([
      ['chat.postMessage', true, undefined],
      ['conversations.create', false, 'invalid_name_specials'],
    ]);
    expect(calls[0]?.args).toEqual({ channel: 'UBOB', text: 'hi', blocks: [{ type: 'divider' }] });
    expect(calls[0]?.at).toBe('2026-11-22T08:30:00.000Z');
    expect(standIn.calls('conversations.create')).toHaveLength(1);
  });
});
