import type { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../src/platform/clock.js';
import { BOT_USER_ID, startSlackStandIn, type SlackStandIn } from '../../slack-stand-in.js';
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

/** The body of a refused call, for the `errors` Slack lists beside the error code. */
async function refusal(call: Promise<unknown>): Promise<{ error: string; errors?: unknown[] }> {
  try {
    await call;
  } catch (e) {
    return (e as { data: { error: string; errors?: unknown[] } }).data;
  }
  throw new Error('expected a refusal');
}

describe('Slack stand-in: the bot writes only where it is a member', () => {
  let announcements: string;
  beforeEach(() => {
    announcements = standIn.addChannel('announcements', { botJoined: false }).id;
  });

  it('when a channel is seeded with botJoined false, then its people are members and the bot is not', () => {
    const seeded = standIn.channels().find((c) => c.id === announcements);
    expect(seeded?.members).toEqual(expect.arrayContaining(['UALICE', 'UBOB']));
    expect(seeded?.members).not.toContain(BOT_USER_ID);
  });

  it('when the bot posts into a public channel it never joined, then chat.postMessage answers not_in_channel', async () => {
    expect(await slackError(client.chat.postMessage({ channel: announcements, text: 'hello' }))).toBe('not_in_channel');
    expect(standIn.messages(announcements)).toEqual([]);
  });

  it('when the bot sends an ephemeral into a channel it never joined, then chat.postEphemeral answers not_in_channel', async () => {
    expect(await slackError(client.chat.postEphemeral({ channel: announcements, user: 'UALICE', text: 'psst' }))).toBe('not_in_channel');
  });

  it('when the bot sets the topic or pins in a channel it never joined, then both answer not_in_channel', async () => {
    const message = standIn.addUserMessage(announcements, 'UALICE', 'pin me');
    expect(await slackError(client.conversations.setTopic({ channel: announcements, topic: 'x' }))).toBe('not_in_channel');
    expect(await slackError(client.pins.add({ channel: announcements, timestamp: message.ts }))).toBe('not_in_channel');
  });

  it('when the bot joins the public channel, then it can post there', async () => {
    await client.conversations.join({ channel: announcements });
    await client.chat.postMessage({ channel: announcements, text: 'hello' });
    expect(standIn.messages(announcements).map((m) => m.text)).toEqual(['hello']);
  });

  it('when the bot creates a channel, then it is a member and may post at once', async () => {
    const { channel } = await client.conversations.create({ name: 'inc-new' });
    expect(channel?.is_member).toBe(true);
    await expect(client.chat.postMessage({ channel: channel!.id!, text: 'first' })).resolves.toMatchObject({ ok: true });
  });

  it('when a private channel does not include the bot, then it does not exist for it', async () => {
    const hidden = standIn.addChannel('secret', { isPrivate: true, botJoined: false }).id;
    expect(await slackError(client.chat.postMessage({ channel: hidden, text: 'x' }))).toBe('channel_not_found');
    expect(await slackError(client.conversations.join({ channel: hidden }))).toBe('channel_not_found');
  });
});

describe('Slack stand-in: conversations.invite errors', () => {
  let channel: string;
  beforeEach(async () => {
    channel = (await client.conversations.create({ name: 'inc-invite' })).channel!.id!;
  });

  it('when one listed user is already a member, then nobody is invited and errors names that user', async () => {
    await client.conversations.invite({ channel, users: 'UALICE' });
    const refused = await refusal(client.conversations.invite({ channel, users: 'UALICE,UBOB' }));
    expect(refused).toMatchObject({ error: 'already_in_channel', errors: [{ user: 'UALICE', ok: false, error: 'already_in_channel' }] });
    expect(standIn.channels().find((c) => c.id === channel)?.members).not.toContain('UBOB');
  });

  it('when force is set, then the valid users are invited and the failures are still listed', async () => {
    await client.conversations.invite({ channel, users: 'UALICE' });
    const result = await client.conversations.invite({ channel, users: 'UALICE,UBOB', force: true });
    expect(result.ok).toBe(true);
    expect(standIn.channels().find((c) => c.id === channel)?.members).toContain('UBOB');
  });

  it.each([
    ['the bot itself', BOT_USER_ID, 'cant_invite_self'],
    ['an unknown user', 'UNOBODY', 'user_not_found'],
    ['nobody', '', 'no_user'],
  ])('when the list names %s, then it answers %s', async (_what, users, error) => {
    expect(await slackError(client.conversations.invite({ channel, users }))).toBe(error);
  });

  it('when the bot is not in the channel, then it answers not_in_channel', async () => {
    const elsewhere = standIn.addChannel('elsewhere', { botJoined: false }).id;
    expect(await slackError(client.conversations.invite({ channel: elsewhere, users: 'UCAROL' }))).toBe('not_in_channel');
  });

  it('when the channel is archived, then it answers is_archived', async () => {
    await client.conversations.archive({ channel });
    expect(await slackError(client.conversations.invite({ channel, users: 'UBOB' }))).toBe('is_archived');
  });

  it('when the conversation is a DM, then it answers method_not_supported_for_channel_type', async () => {
    const dm = (await client.conversations.open({ users: 'UALICE' })).channel!.id!;
    expect(await slackError(client.conversations.invite({ channel: dm, users: 'UBOB' }))).toBe('method_not_supported_for_channel_type');
  });
});

describe('Slack stand-in: private channels, as Slack makes them since March 2021', () => {
  it('when the bot creates a channel with is_private, then it is a private channel with a C id that only its members can see', async () => {
    const { channel } = await client.conversations.create({ name: 'inc-2026-0001', is_private: true });
    expect(channel).toMatchObject({ is_private: true, is_channel: true, is_group: false, is_member: true, name: 'inc-2026-0001' });
    expect(channel?.id).toMatch(/^C/);
    await client.conversations.invite({ channel: channel!.id!, users: 'UALICE' });
    expect(standIn.channels().find((c) => c.id === channel?.id)?.members).toEqual([BOT_USER_ID, 'UALICE']);
    expect(await slackError(client.conversations.join({ channel: channel!.id! }))).toBe('method_not_supported_for_channel_type');
  });

  it('when a private channel takes a name, then a public one cannot have it either', async () => {
    await client.conversations.create({ name: 'inc-2026-0002', is_private: true });
    expect(await slackError(client.conversations.create({ name: 'inc-2026-0002' }))).toBe('name_taken');
  });

  it('when a person joins and leaves, then membership changes and the events Slack would send come back', () => {
    const id = standIn.addChannel('secret-room', { isPrivate: true, members: [BOT_USER_ID] }).id;
    expect(standIn.joinChannel(id, 'UBOB')).toMatchObject({ type: 'member_joined_channel', user: 'UBOB', channel: id, channel_type: 'C' });
    expect(standIn.channels().find((c) => c.id === id)?.members).toContain('UBOB');
    expect(standIn.leaveChannel(id, 'UBOB')).toMatchObject({ type: 'member_left_channel', user: 'UBOB', channel: id });
    expect(standIn.channels().find((c) => c.id === id)?.members).not.toContain('UBOB');
  });
});
