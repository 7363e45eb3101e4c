import { ErrorCode, type WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../src/platform/clock.js';
import { SUPPORTED_METHODS, startSlackStandIn, type SlackStandIn } from '../../slack-stand-in.js';
import { standInClient } from '../../stand-in-client.js';
import { METHOD_TIERS, POST_BURST_PER_SECOND } from './rate-limits.js';

let standIn: SlackStandIn;
let client: WebClient;
let channel: string;
const clock = new ManualClock('2026-11-22T09:00:00Z');

beforeAll(async () => {
  standIn = await startSlackStandIn({ clock });
  client = standInClient(standIn, { rejectRateLimitedCalls: true });
});
afterAll(() => standIn.stop());
beforeEach(() => {
  standIn.reset();
  channel = standIn.addChannel('inc-limits').id;
});

/** The raw answer, to see the status and Retry-After a client would see. */
async function rawPost(method: string, body: Record<string, unknown>) {
  const res = await fetch(`${standIn.apiUrl}${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${standIn.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { ok: boolean; error?: string } };
}

const post = (text: string, to = channel) => rawPost('chat.postMessage', { channel: to, text });

describe('Slack stand-in: rate-limit tiers', () => {
  it('when every supported method is listed, then each has a Slack tier', () => {
    expect(SUPPORTED_METHODS.filter((m) => METHOD_TIERS[m] === undefined)).toEqual([]);
  });

  it('when a channel gets more posts in one second than the burst, then the next is a 429 ratelimited with Retry-After 1', async () => {
    for (let i = 0; i < POST_BURST_PER_SECOND; i += 1) expect((await post(`burst ${i}`)).status).toBe(200);
    const refused = await post('one too many');
    expect(refused).toEqual({ status: 429, retryAfter: '1', body: { ok: false, error: 'ratelimited' } });
    expect(standIn.messages(channel)).toHaveLength(POST_BURST_PER_SECOND);
    expect(standIn.calls('chat.postMessage').at(-1)).toMatchObject({ ok: false, error: 'ratelimited' });
  });

  it('when one channel is limited, then another channel can still be posted to', async () => {
    for (let i = 0; i < POST_BURST_PER_SECOND + 1; i += 1) await post(`burst ${i}`);
    const other = standIn.addChannel('inc-other').id;
    expect((await post('elsewhere', other)).status).toBe(200);
  });

  it('when the clock moves past Retry-After, then posting works again', async () => {
    for (let i = 0; i < POST_BURST_PER_SECOND + 1; i += 1) await post(`burst ${i}`);
    clock.advance(1000);
    expect((await post('after the wait')).status).toBe(200);
  });

  it('when posts keep coming faster than one a second, then the minute window stops them and names the wait', async () => {
    let refused: Awaited<ReturnType<typeof post>> | undefined;
    for (let i = 0; i < 80 && !refused; i += 1) {
      const answer = await post(`steady ${i}`);
      if (answer.status === 429) refused = answer;
      clock.advance(200); // five a second: under the one-second burst, over one a second on average
    }
    expect(standIn.messages(channel)).toHaveLength(60 + POST_BURST_PER_SECOND);
    // The first post leaves the 60 s window 60 s after it was made; 70 posts 200 ms apart took 14 s.
    expect(refused).toMatchObject({ status: 429, retryAfter: '46' });
  });

  it('when a Tier 2 method is called 30 times in a minute, then the 31st is refused until the oldest call is a minute old', async () => {
    const setTopic = () => rawPost('conversations.setTopic', { channel, topic: 'status' });
    for (let i = 0; i < 30; i += 1) expect((await setTopic()).status).toBe(200);
    clock.advance(20_000);
    expect(await setTopic()).toMatchObject({ status: 429, retryAfter: '40' });
    clock.advance(40_000);
    expect((await setTopic()).status).toBe(200);
  });

  it('when refused calls are retried, then the refusals did not count against the window', async () => {
    const setTopic = () => rawPost('conversations.setTopic', { channel, topic: 'status' });
    for (let i = 0; i < 30; i += 1) await setTopic();
    for (let i = 0; i < 5; i += 1) expect((await setTopic()).status).toBe(429);
    clock.advance(60_000);
    for (let i = 0; i < 30; i += 1) expect((await setTopic()).status).toBe(200);
  });

  it("when Slack's WebClient is rate limited, then it reports a rate-limited error with the Retry-After seconds", async () => {
    for (let i = 0; i < POST_BURST_PER_SECOND; i += 1) await client.chat.postMessage({ channel, text: `burst ${i}` });
    const error = await client.chat.postMessage({ channel, text: 'over' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 1 });
  });
});

describe('Slack stand-in: rateLimits false', () => {
  it('when rate limits are off, then a blast of posts into one channel all succeed', async () => {
    const open = await startSlackStandIn({ clock, rateLimits: false });
    try {
      const c = open.addChannel('bench').id;
      const blast = standInClient(open, { rejectRateLimitedCalls: true });
      for (let i = 0; i < 3 * POST_BURST_PER_SECOND; i += 1) await blast.chat.postMessage({ channel: c, text: `${i}` });
      expect(open.messages(c)).toHaveLength(3 * POST_BURST_PER_SECOND);
    } finally {
      await open.stop();
    }
  });
});

describe('Slack stand-in: latency', () => {
  const timed = async (call: Promise<unknown>) => {
    const started = performance.now();
    await call;
    return performance.now() - started;
  };

  it('when a method is delayed, then its answer comes that late while other methods answer at once', async () => {
    standIn.delay('users.info', 400);
    const slow = timed(client.users.info({ user: 'UALICE' }));
    expect(await timed(client.auth.test())).toBeLessThan(300);
    expect(await slow).toBeGreaterThanOrEqual(390);
  });

  it("when '*' is delayed, then every method is slow unless it has its own delay, and clearing removes it", async () => {
    standIn.delay('*', 400);
    standIn.delay('auth.test', 0);
    expect(await timed(client.conversations.info({ channel }))).toBeGreaterThanOrEqual(390);
    expect(await timed(client.auth.test())).toBeLessThan(300);
    standIn.clearDelay('*');
    expect(await timed(client.conversations.info({ channel }))).toBeLessThan(300);
  });

  it('when many delayed calls are in flight, then they wait side by side, not one after another', async () => {
    standIn.delay('*', 400);
    const all = timed(Promise.all(['UALICE', 'UBOB', 'UCAROL', 'UALICE'].map((user) => client.users.info({ user }))));
    expect(await all).toBeLessThan(1200);
  });

  it('when a delay is negative, then delay throws', () => {
    expect(() => standIn.delay('chat.postMessage', -1)).toThrow(/non-negative/);
  });

  it('when the stand-in stops with a call delayed a minute, then stop returns at once and the call fails', async () => {
    const slow = await startSlackStandIn({ clock });
    slow.delay('*', 60_000);
    const pending = standInClient(slow).auth.test().then(() => 'answered', () => 'failed');
    await new Promise((r) => setTimeout(r, 50));
    expect(await timed(slow.stop())).toBeLessThan(1000);
    expect(await pending).toBe('failed');
  });
});
