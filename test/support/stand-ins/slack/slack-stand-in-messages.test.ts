import type { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../src/platform/clock.js';
import { startSlackStandIn, type SlackStandIn } from '../../slack-stand-in.js';
import { slackError, standInClient } from '../../stand-in-client.js';

let standIn: SlackStandIn;
let client: WebClient;
let channel: string;
const clock = new ManualClock('2023-11-14T22:13:20Z'); // 1700000000 seconds

beforeAll(async () => {
  standIn = await startSlackStandIn({ clock });
  client = standInClient(standIn);
});
afterAll(() => standIn.stop());
beforeEach(async () => {
  standIn.reset();
  const created = await client.conversations.create({ name: 'inc-20231114-db' });
  channel = created.channel!.id!;
  await client.conversations.invite({ channel, users: 'UALICE' });
});

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

async function refusal(call: Promise<unknown>): Promise<{ error: string; messages: string[] }> {
  try {
    await call;
  } catch (e) {
    const data = (e as { data: { error: string; response_metadata?: { messages?: string[] } } }).data;
    return { error: data.error, messages: data.response_metadata?.messages ?? [] };
  }
  throw new Error('expected a refusal');
}

describe('Slack stand-in: chat.postMessage', () => {
  it('when messages are posted, then ts values are Slack-style, unique and increasing', async () => {
    const a = await client.chat.postMessage({ channel, text: 'one' });
    const b = await client.chat.postMessage({ channel, text: 'two' });
    expect(a.ts).toBe('1700000000.000100');
    expect(b.ts).toBe('1700000000.000200');
    expect(a.message).toMatchObject({ text: 'one', bot_id: 'B0WARDEN', user: 'U0WARDEN', ts: a.ts });
    expect(standIn.messages(channel).map((m) => m.text)).toEqual(['one', 'two']);
  });

  it('when a reply names a thread, then it is stored under the parent; a reply to a reply joins the same thread', async () => {
    const parent = await client.chat.postMessage({ channel, text: 'parent' });
    const reply = await client.chat.postMessage({ channel, text: 'reply', thread_ts: parent.ts! });
    await client.chat.postMessage({ channel, text: 'reply 2', thread_ts: reply.ts! });
    expect(standIn.messages(channel).map((m) => [m.text, m.thread_ts])).toEqual([
      ['parent', undefined],
      ['reply', parent.ts],
      ['reply 2', parent.ts],
    ]);
  });

  it('when the thread does not exist, then it answers thread_not_found', async () => {
    expect(await slackError(client.chat.postMessage({ channel, text: 'x', thread_ts: '1600000000.000100' }))).toBe('thread_not_found');
  });

  it('when there is neither text nor blocks, then it answers no_text', async () => {
    expect(await slackError(client.chat.postMessage({ channel, text: '' }))).toBe('no_text');
    expect(await slackError(client.chat.postMessage({ channel, text: '  ', blocks: [] }))).toBe('no_text');
  });

  it('when no channel or an unknown one is given, then it answers channel_not_found', async () => {
    expect(await slackError(client.apiCall('chat.postMessage', { text: 'x' }))).toBe('channel_not_found');
    expect(await slackError(client.chat.postMessage({ channel: 'C404', text: 'x' }))).toBe('channel_not_found');
  });

  it('when a message has 51 blocks, then it answers invalid_blocks naming the violation', async () => {
    const blocks = Array.from({ length: 51 }, (_, i) => section(`line ${i}`));
    const { error, messages } = await refusal(client.chat.postMessage({ channel, text: 'x', blocks }));
    expect(error).toBe('invalid_blocks');
    expect(messages).toEqual(['[ERROR] must be less than 51 items [json-pointer:/blocks]']);
    expect(standIn.messages(channel)).toEqual([]);
  });

  it('when a section text has 3001 characters, then it answers invalid_blocks at that text', async () => {
    const { error, messages } = await refusal(
      client.chat.postMessage({ channel, text: 'x', blocks: [section('ok'), section('y'.repeat(3001))] }),
    );
    expect(error).toBe('invalid_blocks');
    expect(messages).toEqual(['[ERROR] must be less than 3001 characters [json-pointer:/blocks/1/text/text]']);
  });

  it('when text is longer than 40000 characters, then it answers msg_too_long', async () => {
    expect(await slackError(client.chat.postMessage({ channel, text: 'z'.repeat(40_001) }))).toBe('msg_too_long');
  });

  it('when blocks are not JSON, then it answers invalid_blocks_format', async () => {
    expect(await slackError(client.apiCall('chat.postMessage', { channel, blocks: '[{"type":' }))).toBe('invalid_blocks_format');
  });
});

describe('Slack stand-in: chat.update, delete, ephemerals, permalinks', () => {
  it('when a message is updated, then messages() shows the new text and blocks, marked edited', async () => {
    const { ts } = await client.chat.postMessage({ channel, text: 'old', blocks: [section('old')] });
    await client.chat.update({ channel, ts: ts!, text: 'new', blocks: [section('new')] });
    const [message] = standIn.messages(channel);
    expect(message).toMatchObject({ ts, text: 'new', blocks: [section('new')] });
    expect(message?.edited).toBeDefined();
  });

  it('when only text is updated, then the old blocks stay, as in Slack', async () => {
    const { ts } = await client.chat.postMessage({ channel, text: 'old', blocks: [section('kept')] });
    await client.chat.update({ channel, ts: ts!, text: 'new' });
    expect(standIn.messages(channel)[0]).toMatchObject({ text: 'new', blocks: [section('kept')] });
  });

  it('when the ts is unknown, then update answers message_not_found', async () => {
    expect(await slackError(client.chat.update({ channel, ts: '1.000001', text: 'x' }))).toBe('message_not_found');
  });

  it("when the message is a person's, then the bot cannot update it", async () => {
    const mine = standIn.addUserMessage(channel, 'UALICE', 'hello');
    expect(await slackError(client.chat.update({ channel, ts: mine.ts, text: 'x' }))).toBe('cant_update_message');
  });

  it('when a message is deleted, then it is gone', async () => {
    const { ts } = await client.chat.postMessage({ channel, text: 'oops' });
    await client.chat.delete({ channel, ts: ts! });
    expect(standIn.messages(channel)).toEqual([]);
  });

  it('when an ephemeral is posted, then it is kept per user and not in messages()', async () => {
    const result = await client.chat.postEphemeral({ channel, user: 'UALICE', text: 'only you' });
    expect(result.message_ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(standIn.ephemerals(channel)).toEqual([{ channel, user: 'UALICE', ts: result.message_ts, text: 'only you' }]);
    expect(standIn.messages(channel)).toEqual([]);
  });

  it('when the user is not in the channel, then postEphemeral answers user_not_in_channel', async () => {
    expect(await slackError(client.chat.postEphemeral({ channel, user: 'UBOB', text: 'x' }))).toBe('user_not_in_channel');
  });

  it('when a permalink is asked for, then it points at the archives path of the message', async () => {
    const { ts } = await client.chat.postMessage({ channel, text: 'link me' });
    const { permalink } = await client.chat.getPermalink({ channel, message_ts: ts! });
    expect(permalink).toBe(`${standIn.url}/archives/${channel}/p${ts!.replace('.', '')}`);
  });
});

describe('Slack stand-in: pins and reactions', () => {
  it('when a message is pinned twice, then the second answers already_pinned', async () => {
    const { ts } = await client.chat.postMessage({ channel, text: 'status' });
    await client.pins.add({ channel, timestamp: ts! });
    expect(standIn.messages(channel)[0]?.pinned).toBe(true);
    expect(await slackError(client.pins.add({ channel, timestamp: ts! }))).toBe('already_pinned');
    await client.pins.remove({ channel, timestamp: ts! });
    expect(standIn.messages(channel)[0]?.pinned).toBe(false);
  });

  it('when the bot reacts, then the reaction is counted, and reacting again answers already_reacted', async () => {
    const { ts } = await client.chat.postMessage({ channel, text: 'done?' });
    await client.reactions.add({ channel, timestamp: ts!, name: 'white_check_mark' });
    expect(standIn.messages(channel)[0]?.reactions).toEqual([{ name: 'white_check_mark', users: ['U0WARDEN'], count: 1 }]);
    expect(await slackError(client.reactions.add({ channel, timestamp: ts!, name: 'white_check_mark' }))).toBe('already_reacted');
  });
});
