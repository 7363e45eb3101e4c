import type { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../src/platform/clock.js';
import { startSlackStandIn, type SlackStandIn } from '../../slack-stand-in.js';
import { slackError, standInClient } from '../../stand-in-client.js';

let standIn: SlackStandIn;
let client: WebClient;
let channel: string;
const clock = new ManualClock('2023-11-14T22:13:20Z'); // 1700000000 seconds
let ts: string[];

beforeAll(async () => {
  standIn = await startSlackStandIn({ clock });
  client = standInClient(standIn);
});
afterAll(() => standIn.stop());
beforeEach(() => {
  standIn.reset();
  channel = standIn.addChannel('inc-history').id;
  ts = ['one', 'two', 'three', 'four'].map((text) => {
    clock.advance(1000);
    return standIn.addUserMessage(channel, 'UALICE', text).ts;
  });
});

const texts = (messages: { text?: string }[] | undefined) => (messages ?? []).map((m) => m.text);

describe('Slack stand-in: conversations.history', () => {
  it('when history is read without bounds, then top-level messages come newest first', async () => {
    const result = await client.conversations.history({ channel });
    expect(texts(result.messages)).toEqual(['four', 'three', 'two', 'one']);
    expect(result.has_more).toBe(false);
  });

  it('when latest names a message, then it is left out unless inclusive is set', async () => {
    expect(texts((await client.conversations.history({ channel, latest: ts[2] })).messages)).toEqual(['two', 'one']);
    const inclusive = await client.conversations.history({ channel, latest: ts[2], inclusive: true, limit: 1 });
    expect(texts(inclusive.messages)).toEqual(['three']);
  });

  it('when oldest is given, then only later messages come back, the bound itself only with inclusive', async () => {
    expect(texts((await client.conversations.history({ channel, oldest: ts[1] })).messages)).toEqual(['four', 'three']);
    expect(texts((await client.conversations.history({ channel, oldest: ts[1], inclusive: true })).messages)).toEqual(['four', 'three', 'two']);
  });

  it('when limit is smaller than the history, then has_more is set and the cursor fetches the rest', async () => {
    const first = await client.conversations.history({ channel, limit: 3 });
    expect(texts(first.messages)).toEqual(['four', 'three', 'two']);
    expect(first.has_more).toBe(true);
    const rest = await client.conversations.history({ channel, limit: 3, cursor: first.response_metadata?.next_cursor });
    expect(texts(rest.messages)).toEqual(['one']);
    expect(rest.response_metadata?.next_cursor).toBe('');
  });

  it('when a thread has replies, then history shows the parent with its reply count but not the replies', async () => {
    standIn.addUserMessage(channel, 'UBOB', 'a reply', ts[0]);
    const result = await client.conversations.history({ channel });
    expect(texts(result.messages)).toEqual(['four', 'three', 'two', 'one']);
    expect(result.messages?.[3]).toMatchObject({ thread_ts: ts[0], reply_count: 1, reply_users: ['UBOB'] });
  });

  it('when latest is not a timestamp, then it answers invalid_ts_latest', async () => {
    expect(await slackError(client.conversations.history({ channel, latest: 'yesterday' }))).toBe('invalid_ts_latest');
  });

  it('when the bot is not a member of a public channel, then it answers not_in_channel', async () => {
    const elsewhere = standIn.addChannel('announcements', { botJoined: false }).id;
    expect(await slackError(client.conversations.history({ channel: elsewhere }))).toBe('not_in_channel');
  });
});

describe('Slack stand-in: conversations.replies', () => {
  let replies: string[];
  beforeEach(() => {
    replies = ['r1', 'r2', 'r3'].map((text) => {
      clock.advance(1000);
      return standIn.addUserMessage(channel, 'UBOB', text, ts[0]).ts;
    });
  });

  it("when a thread is read by its parent's ts, then the parent comes first and the replies follow oldest first", async () => {
    const result = await client.conversations.replies({ channel, ts: ts[0]! });
    expect(texts(result.messages)).toEqual(['one', 'r1', 'r2', 'r3']);
    expect(result.messages?.[1]).toMatchObject({ thread_ts: ts[0], parent_user_id: 'UALICE' });
  });

  it("when a thread is read by a reply's ts, then the same thread comes back, so a reply is found by its ts", async () => {
    const result = await client.conversations.replies({ channel, ts: replies[1]! });
    expect(texts(result.messages)).toEqual(['one', 'r1', 'r2', 'r3']);
    expect(result.messages?.find((m) => m.ts === replies[1])?.text).toBe('r2');
  });

  it('when latest and oldest bound the replies, then the parent still leads and only replies inside come back', async () => {
    const result = await client.conversations.replies({ channel, ts: ts[0]!, oldest: replies[0], latest: replies[2], inclusive: true, limit: 2 });
    expect(texts(result.messages)).toEqual(['one', 'r1']);
    expect(result.has_more).toBe(true);
  });

  it('when the message has no replies, then just that message comes back', async () => {
    expect(texts((await client.conversations.replies({ channel, ts: ts[3]! })).messages)).toEqual(['four']);
  });

  it('when ts names no message, then it answers thread_not_found', async () => {
    expect(await slackError(client.conversations.replies({ channel, ts: '1.000001' }))).toBe('thread_not_found');
  });
});

describe('Slack stand-in: message metadata', () => {
  const metadata = { event_type: 'warden_delivery', event_payload: { job: 7, n: 0 } };

  it('when a post carries metadata, then history returns it only with include_all_metadata', async () => {
    await client.chat.postMessage({ channel, text: 'tagged', metadata });
    const plain = await client.conversations.history({ channel, limit: 1 });
    expect(plain.messages?.[0]).not.toHaveProperty('metadata');
    const withAll = await client.conversations.history({ channel, limit: 1, include_all_metadata: true });
    expect(withAll.messages?.[0]).toMatchObject({ text: 'tagged', metadata });
  });

  it('when a thread reply carries metadata, then conversations.replies returns it with include_all_metadata', async () => {
    await client.chat.postMessage({ channel, text: 'reply', thread_ts: ts[0], metadata });
    const thread = await client.conversations.replies({ channel, ts: ts[0] as string, include_all_metadata: true });
    expect(thread.messages?.at(-1)).toMatchObject({ text: 'reply', metadata });
  });

  it('when metadata has no event_type, then the post is refused with invalid_metadata_format', async () => {
    const bad = { event_payload: { job: 1 } } as unknown as typeof metadata;
    expect(await slackError(client.chat.postMessage({ channel, text: 'x', metadata: bad }))).toBe('invalid_metadata_format');
  });
});

describe('Slack stand-in: a lost answer', () => {
  it('when the answer of a post is lost, then the caller sees a network error and the message was posted all the same', async () => {
    standIn.loseAnswerNext('chat.postMessage');
    await expect(client.chat.postMessage({ channel, text: 'sent, unheard' })).rejects.toMatchObject({ code: 'slack_webapi_request_error' });
    expect(standIn.messages(channel).filter((m) => m.text === 'sent, unheard')).toHaveLength(1);
    await client.chat.postMessage({ channel, text: 'next' });
    expect(standIn.messages(channel).at(-1)?.text).toBe('next');
  });
});
