import type { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../src/platform/clock.js';
import { makeTriggerId, startSlackStandIn, type SlackStandIn } from '../../slack-stand-in.js';
import { slackError, standInClient } from '../../stand-in-client.js';

let standIn: SlackStandIn;
let client: WebClient;
const clock = new ManualClock('2026-07-01T12:00:00Z');

beforeAll(async () => {
  standIn = await startSlackStandIn({ clock, users: { UDAVE: { name: 'dave', tz: 'America/Los_Angeles' } } });
  client = standInClient(standIn);
});
afterAll(() => standIn.stop());
beforeEach(() => standIn.reset());

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const modal = (title = 'Declare incident') => ({
  type: 'modal' as const,
  callback_id: 'declare_incident',
  title: plain(title),
  submit: plain('Declare'),
  blocks: [{ type: 'input', block_id: 'title', label: plain('Title'), element: { type: 'plain_text_input', action_id: 'value' } }],
});

describe('Slack stand-in: failure injection', () => {
  it('when failNext is set, then the next call fails with that error and the one after succeeds', async () => {
    standIn.failNext('chat.postMessage', 'fatal_error');
    expect(await slackError(client.chat.postMessage({ channel: 'UALICE', text: 'one' }))).toBe('fatal_error');
    await expect(client.chat.postMessage({ channel: 'UALICE', text: 'two' })).resolves.toMatchObject({ ok: true });
    expect(standIn.calls('chat.postMessage').map((c) => c.error ?? 'ok')).toEqual(['fatal_error', 'ok']);
  });

  it('when failNext is set for two calls without an error, then two calls answer internal_error', async () => {
    standIn.failNext('auth.test', undefined, 2);
    expect(await slackError(client.auth.test())).toBe('internal_error');
    expect(await slackError(client.auth.test())).toBe('internal_error');
    await expect(client.auth.test()).resolves.toMatchObject({ ok: true });
  });

  it('when a call is rate limited, then the client sees a real 429 with Retry-After', async () => {
    standIn.rateLimitNext('chat.postMessage', 7);
    const rejecting = standInClient(standIn, { rejectRateLimitedCalls: true });
    const error = await rejecting.chat.postMessage({ channel: 'UALICE', text: 'x' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'slack_webapi_rate_limited_error', retryAfter: 7 });
    expect(standIn.calls('chat.postMessage')).toMatchObject([{ ok: false, error: 'ratelimited' }]);
  });

  it('when a call is rate limited for 1 s, then the retrying client waits that long and succeeds', async () => {
    standIn.rateLimitNext('chat.postMessage', 1);
    const retrying = standInClient(standIn, { retryConfig: { retries: 1, factor: 1, minTimeout: 10, maxTimeout: 20 } });
    const started = performance.now();
    const result = await retrying.chat.postMessage({ channel: 'UALICE', text: 'after the wait' });
    expect(result.ok).toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(standIn.calls('chat.postMessage').map((c) => c.error ?? 'ok')).toEqual(['ratelimited', 'ok']);
  });
});

describe('Slack stand-in: views', () => {
  it('when a modal is opened with a fresh trigger, then it gets a view id and is listed for the user', async () => {
    const result = await client.views.open({ trigger_id: makeTriggerId('UALICE'), view: modal() });
    expect(result.view).toMatchObject({ id: expect.stringMatching(/^V/), callback_id: 'declare_incident', hash: expect.any(String) });
    expect(standIn.views()).toMatchObject([{ id: result.view?.id, userId: 'UALICE', openedVia: 'open' }]);
  });

  it('when a trigger id is used twice, then the second open answers exchanged_trigger_id', async () => {
    const trigger = makeTriggerId('UALICE');
    await client.views.open({ trigger_id: trigger, view: modal() });
    expect(await slackError(client.views.open({ trigger_id: trigger, view: modal() }))).toBe('exchanged_trigger_id');
  });

  it('when there is no trigger id, then views.open answers invalid_arguments', async () => {
    expect(await slackError(client.apiCall('views.open', { view: modal() }))).toBe('invalid_arguments');
  });

  it('when a modal title has 25 characters, then views.open refuses it and names the pointer', async () => {
    const error = await client.views.open({ trigger_id: makeTriggerId('UALICE'), view: modal('t'.repeat(25)) }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      data: {
        error: 'invalid_arguments',
        response_metadata: { messages: ['[ERROR] must be less than 25 characters [json-pointer:/view/title/text]'] },
      },
    });
    expect(standIn.views()).toEqual([]);
  });

  it('when a home view is given to views.open, then it is refused', async () => {
    const home = { type: 'home' as const, blocks: [] };
    expect(await slackError(client.views.open({ trigger_id: makeTriggerId('UALICE'), view: home }))).toBe('invalid_arguments');
  });

  it('when a view is updated by id, then it keeps its id and a stale hash answers hash_conflict', async () => {
    const opened = await client.views.open({ trigger_id: makeTriggerId('UALICE'), view: modal() });
    const id = opened.view!.id!;
    await client.views.update({ view_id: id, hash: opened.view!.hash!, view: modal('Declared') });
    expect(standIn.views()[0]).toMatchObject({ id, updates: 1, view: { title: plain('Declared') } });
    expect(await slackError(client.views.update({ view_id: id, hash: opened.view!.hash!, view: modal() }))).toBe('hash_conflict');
    expect(await slackError(client.views.update({ view_id: 'V404', view: modal() }))).toBe('not_found');
  });

  it('when a home tab is published twice for a user, then there is one home view for that user', async () => {
    const home = (text: string) => ({ type: 'home' as const, blocks: [{ type: 'header', text: plain(text) }] });
    await client.views.publish({ user_id: 'UBOB', view: home('Your incidents') });
    await client.views.publish({ user_id: 'UBOB', view: home('Your incidents (2)') });
    expect(standIn.views()).toMatchObject([{ userId: 'UBOB', openedVia: 'publish', updates: 1 }]);
    expect(await slackError(client.views.publish({ user_id: 'UBOB', view: modal() }))).toBe('invalid_arguments');
  });
});

describe('Slack stand-in: users.info', () => {
  it('when a user is looked up, then tz, tz_offset at the stand-in clock and real_name are given', async () => {
    const { user } = await client.users.info({ user: 'UALICE' });
    expect(user).toMatchObject({ id: 'UALICE', name: 'alice', real_name: 'Alice Example', tz: 'Europe/London', tz_offset: 3600 });
    const { user: dave } = await client.users.info({ user: 'UDAVE' });
    expect(dave).toMatchObject({ tz: 'America/Los_Angeles', tz_offset: -7 * 3600, real_name: 'dave' });
  });

  it("when a user's zone is changed, then users.info reports the new zone", async () => {
    standIn.setUserTimeZone('UALICE', 'Asia/Kolkata');
    const { user } = await client.users.info({ user: 'UALICE' });
    expect(user).toMatchObject({ tz: 'Asia/Kolkata', tz_offset: 19_800 });
  });

  it('when the user is unknown, then it answers user_not_found', async () => {
    expect(await slackError(client.users.info({ user: 'UNOBODY' }))).toBe('user_not_found');
  });

  it('when a zone is not a real IANA zone, then setUserTimeZone throws', () => {
    expect(() => standIn.setUserTimeZone('UALICE', 'Mars/Olympus')).toThrow(/unknown time zone/);
  });
});

describe('Slack stand-in: response_url', () => {
  const post = (url: string, body: unknown) =>
    fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  it('when a reply is posted to a response_url with context, then it is recorded and shown as an ephemeral', async () => {
    const url = standIn.responseUrl('cmd-1', { channelId: standIn.channelByName('general')!.id, userId: 'UALICE' });
    const response = await post(url, { text: 'Incident declared' });
    expect(response.status).toBe(200);
    expect(standIn.calls('response_url')).toMatchObject([{ responseUrlId: 'cmd-1', args: { text: 'Incident declared' }, ok: true }]);
    expect(standIn.ephemerals()).toMatchObject([{ user: 'UALICE', text: 'Incident declared' }]);
  });

  it('when an in_channel reply is posted, then it becomes a channel message', async () => {
    const general = standIn.channelByName('general')!.id;
    await post(standIn.responseUrl('cmd-2', { channelId: general, userId: 'UALICE' }), { text: 'Declared', response_type: 'in_channel' });
    expect(standIn.messages(general).map((m) => m.text)).toEqual(['Declared']);
  });

  it('when a reply breaks Block Kit limits, then it is refused with 400', async () => {
    const response = await post(standIn.responseUrl('cmd-3'), { blocks: [{ type: 'header', text: plain('h'.repeat(151)) }] });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: 'invalid_blocks' });
  });

  it('when a response_url is used a sixth time, then it answers 404 used_url', async () => {
    const url = standIn.responseUrl('cmd-4');
    for (let i = 0; i < 5; i += 1) expect((await post(url, { text: `reply ${i}` })).status).toBe(200);
    const sixth = await post(url, { text: 'too many' });
    expect(sixth.status).toBe(404);
    expect(await sixth.json()).toMatchObject({ error: 'used_url' });
  });

  it('when a response_url is used exactly 30 minutes after it was handed out, then it still works', async () => {
    const url = standIn.responseUrl('cmd-5');
    clock.advance(30 * 60_000);
    expect((await post(url, { text: 'just in time' })).status).toBe(200);
  });

  it('when a response_url is used more than 30 minutes after it was handed out, then it answers 404 expired_url', async () => {
    const url = standIn.responseUrl('cmd-6', { channelId: standIn.channelByName('general')!.id, userId: 'UALICE' });
    clock.advance(30 * 60_000 + 1);
    const late = await post(url, { text: 'too late' });
    expect(late.status).toBe(404);
    expect(await late.json()).toMatchObject({ ok: false, error: 'expired_url' });
    expect(standIn.ephemerals()).toEqual([]);
  });

  it('when the same response_url is handed out again in a new request, then its 30 minutes start again', async () => {
    standIn.responseUrl('cmd-7');
    clock.advance(29 * 60_000);
    const url = standIn.responseUrl('cmd-7');
    clock.advance(29 * 60_000);
    expect((await post(url, { text: 'fresh again' })).status).toBe(200);
  });
});
