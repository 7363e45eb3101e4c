import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/warden-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

const refusedAs = (method: string, error: string) => h.slack.calls(method).filter((c) => c.error === error).length;

describe("Warden's calls paced to Slack's tiers", () => {
  it('when 25 incidents are declared in one minute, then channel creation keeps to Tier 2 (20 a minute): none refused, the rest created after the minute', async () => {
    for (let i = 1; i <= 25; i++) await h.incident(`declare sev3 Paced outage ${i}`);
    await h.settle();
    expect(h.slack.calls('conversations.create')).toHaveLength(20);
    expect(h.warden.store.incidents.listOpen().filter((i) => i.channelId)).toHaveLength(20);
    await h.advance(60_000);
    expect(h.slack.calls('conversations.create')).toHaveLength(25);
    expect(h.warden.store.incidents.listOpen().filter((i) => i.channelId)).toHaveLength(25);
    expect(refusedAs('conversations.create', 'ratelimited')).toBe(0);
    expect(h.warden.store.jobs.failedCount()).toBe(0);
  });

  it('when Slack rate-limits a post more often than the attempt cap, then it still goes out once and its job has spent no attempt', async () => {
    await h.incident('declare sev2 Busy Slack');
    await h.settle();
    const channel = h.incidentChannel();
    h.slack.rateLimitNext('chat.postMessage', 5, 12);
    await h.incident('note Still working on it', { channel });
    await h.settle();
    for (let i = 0; i < 11; i++) await h.advance(5_000);
    expect(refusedAs('chat.postMessage', 'ratelimited')).toBe(12);
    const job = () => h.db.prepare("SELECT status, attempts FROM jobs WHERE payload LIKE '%Still working on it%'").get();
    expect(job()).toEqual({ status: 'pending', attempts: 0 });
    await h.advance(5_000);
    expect(h.slack.messages(channel).filter((m) => m.text.includes('Still working on it'))).toHaveLength(1);
    expect(job()).toEqual({ status: 'done', attempts: 1 });
    expect(h.warden.store.jobs.failedCount()).toBe(0);
  });

  it('when a post is rate-limited, then the other posts to that channel wait for Retry-After too instead of each earning a 429', async () => {
    await h.incident('declare sev2 Queued notes');
    await h.settle();
    const channel = h.incidentChannel();
    h.slack.rateLimitNext('chat.postMessage', 10, 1);
    for (const n of ['one', 'two', 'three']) await h.incident(`note ${n}`, { channel });
    await h.settle();
    expect(refusedAs('chat.postMessage', 'ratelimited')).toBe(1);
    await h.advance(10_000);
    expect(h.slack.messages(channel).filter((m) => /one|two|three/.test(m.text)).map((m) => m.text.match(/one|two|three/)?.[0])).toEqual(['one', 'two', 'three']);
    expect(refusedAs('chat.postMessage', 'ratelimited')).toBe(1);
  });
});

describe('the circuit breaker opens for outages only', () => {
  it('when a name and its four suffixes are taken, then the incident number is the name and the circuit stays closed', async () => {
    h.slack.failNext('conversations.create', 'name_taken', 5);
    await h.incident('declare sev2 Popular name');
    await h.settle();
    expect(h.slack.calls('conversations.create').map((c) => c.args.name)).toEqual([
      'inc-20261122-popular-name', 'inc-20261122-popular-name-2', 'inc-20261122-popular-name-3', 'inc-20261122-popular-name-4', 'inc-20261122-popular-name-5', 'inc-2026-0001',
    ]);
    expect(h.slack.channelByName('inc-2026-0001')).toBeDefined();
    expect(h.gateway().state()).toBe('closed');
  });

  it('when Slack fails with internal_error five times in a row, then the circuit opens', async () => {
    await h.incident('declare sev2 Outage');
    await h.settle();
    const channel = h.incidentChannel();
    h.slack.failNext('chat.postMessage', 'internal_error', 5);
    for (let i = 1; i <= 5; i++) await h.incident(`note outage ${i}`, { channel });
    await h.settle();
    expect(h.gateway().state()).toBe('open');
  });
});
