// Forged, stale and replayed requests to /slack/events: each is refused before any handler runs, counted in
// /metrics by reason, and logged once without the signature, the body or any token.
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTriggerId } from '../support/slack-stand-in.js';
import {
  blockActionPayload, eventCallback, FORM, forgedSignature, JSON_TYPE, nowSeconds, postSigned, sendSlashCommand, signature, slashCommandFields, staleTimestamp,
} from '../support/slack-requests.js';
import { replyText, SIGNING_SECRET, startHarness, type Harness } from '../support/warden-harness.js';
import { refusedCount } from '../support/refusal-count.js';

let h: Harness;
let lines: string[];
beforeEach(async () => {
  lines = [];
  const logs = new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(String(chunk)), done()) });
  h = await startHarness({ logs });
});
afterEach(async () => {
  await h.stop();
});

const refused = (reason: string) => refusedCount(h.url, reason);
const refusals = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'refused a Slack request');
const cmd = (text: string, userId = 'UMALLORY') => ({ command: '/incident', text, userId, channelId: 'CGENERAL', triggerId: makeTriggerId(userId) });

describe('requests Slack did not sign, or signed too long ago', () => {
  it('when the signature is forged, then 401, forged is counted and logged once, and nothing is stored', async () => {
    expect(await refused('forged')).toBe(0);
    const res = await sendSlashCommand(h.url, SIGNING_SECRET, cmd('declare sev1 Forged'), { signature: forgedSignature() });
    expect(res.status).toBe(401);
    expect(await refused('forged')).toBe(1);
    expect(refusals()).toEqual([expect.objectContaining({ level: 40, reason: 'forged', path: '/slack/events', ip: '127.0.0.1' })]);
    expect(h.warden.store.incidents.listOpen()).toHaveLength(0);
  });

  it('when the signature header is missing, then it is forged', async () => {
    const body = new URLSearchParams(slashCommandFields(cmd('list'))).toString();
    const res = await fetch(`${h.url}/slack/events`, { method: 'POST', headers: { 'Content-Type': FORM, 'X-Slack-Request-Timestamp': String(nowSeconds()) }, body });
    expect(res.status).toBe(401);
    expect(await refused('forged')).toBe(1);
  });

  it('when a signed timestamp is six minutes old, or six minutes ahead, then 401 and stale is counted each time', async () => {
    expect((await sendSlashCommand(h.url, SIGNING_SECRET, cmd('declare sev1 Old'), { tsSeconds: staleTimestamp() })).status).toBe(401);
    expect(await refused('stale')).toBe(1);
    expect((await sendSlashCommand(h.url, SIGNING_SECRET, cmd('declare sev1 Ahead'), { tsSeconds: nowSeconds() + 6 * 60 })).status).toBe(401);
    expect(await refused('stale')).toBe(2);
    expect(await refused('forged')).toBe(0);
    expect(h.warden.store.incidents.listOpen()).toHaveLength(0);
  });

  it('when a request is refused, then the log line carries no signature, body or token', async () => {
    const ts = nowSeconds();
    const body = new URLSearchParams(slashCommandFields(cmd('declare sev1 Secret plans'))).toString();
    await postSigned(h.url, SIGNING_SECRET, body, FORM, { tsSeconds: ts - 600 });
    await postSigned(h.url, SIGNING_SECRET, body, FORM, { signature: 'v0=deadbeefdeadbeef' });
    expect(refusals()).toHaveLength(2);
    const logged = lines.join('\n');
    for (const secret of [signature(SIGNING_SECRET, body, ts - 600), 'deadbeef', 'Secret plans', 'Secret+plans', SIGNING_SECRET, 'token']) expect(logged).not.toContain(secret);
  });
});

describe('unsigned requests dressed as Slack\'s SSL check or URL verification', () => {
  const unsigned = (body: string, type = FORM) => fetch(`${h.url}/slack/events`, { method: 'POST', headers: { 'Content-Type': type }, body });

  it('when an unsigned ssl_check form carries a click payload beside it, then it is answered as an SSL check and no handler runs', async () => {
    let clicks = 0;
    h.warden.app.action('test.smuggled', async ({ ack }) => {
      await ack();
      clicks += 1;
    });
    const payload = JSON.stringify(blockActionPayload({ actionId: 'test.smuggled', value: 'x', userId: 'UMALLORY', channelId: 'CGENERAL', messageTs: '1.0' }));
    const res = await unsigned(new URLSearchParams({ ssl_check: '1', payload }).toString());
    await h.settle();
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(clicks).toBe(0);
  });

  it('when an unsigned ssl_check form carries a slash command, then nothing is declared', async () => {
    const res = await unsigned(new URLSearchParams({ ssl_check: '1', ...slashCommandFields(cmd('declare sev1 Smuggled')) }).toString());
    await h.settle();
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(h.warden.store.incidents.listOpen()).toHaveLength(0);
  });

  it('when an unsigned form spells ssl_check with escapes beside a slash command, then it is refused as forged and nothing is declared', async () => {
    const body = `ssl%5Fcheck=1&${new URLSearchParams(slashCommandFields(cmd('declare sev1 Smuggled'))).toString()}`;
    const res = await unsigned(body);
    await h.settle();
    expect(res.status).toBe(401);
    expect(await refused('forged')).toBe(1);
    expect(h.warden.store.incidents.listOpen()).toHaveLength(0);
  });

  it('when an unsigned URL verification or event arrives, then 401 and forged is counted, and no challenge is echoed', async () => {
    const verification = await unsigned(JSON.stringify({ type: 'url_verification', token: 'x', challenge: 'echo-me' }), JSON_TYPE);
    expect(verification.status).toBe(401);
    expect(await verification.text()).not.toContain('echo-me');
    const event = await unsigned(JSON.stringify(eventCallback({ type: 'app_mention', user: 'UMALLORY', channel: 'CGENERAL', text: 'hi', ts: '1.0' })), JSON_TYPE);
    expect(event.status).toBe(401);
    expect(await refused('forged')).toBe(2);
  });
});

describe('the same signed request sent again', () => {
  it('when an event is replayed byte for byte, then it is answered 200, counted as replayed, and its handler runs once', async () => {
    let mentions = 0;
    h.warden.app.event('app_mention', async () => {
      mentions += 1;
    });
    const body = JSON.stringify(eventCallback({ type: 'app_mention', user: 'UALICE', channel: 'CGENERAL', text: '<@UWARDEN> hi', ts: '1.0' }));
    const ts = nowSeconds();
    expect((await postSigned(h.url, SIGNING_SECRET, body, JSON_TYPE, { tsSeconds: ts })).status).toBe(200);
    const replay = await postSigned(h.url, SIGNING_SECRET, body, JSON_TYPE, { tsSeconds: ts });
    await h.settle();
    expect(replay).toMatchObject({ status: 200, body: '' });
    expect(mentions).toBe(1);
    expect(await refused('replayed')).toBe(1);
    expect(refusals()).toEqual([expect.objectContaining({ reason: 'replayed', path: '/slack/events' })]);
  });

  it('when a button click is replayed, then its handler runs once', async () => {
    let clicks = 0;
    h.warden.app.action('test.replayed', async ({ ack }) => {
      await ack();
      clicks += 1;
    });
    const body = new URLSearchParams({ payload: JSON.stringify(blockActionPayload({ actionId: 'test.replayed', value: 'x', userId: 'UALICE', channelId: 'CGENERAL', messageTs: '1.0' })) }).toString();
    const ts = nowSeconds();
    await postSigned(h.url, SIGNING_SECRET, body, FORM, { tsSeconds: ts });
    await postSigned(h.url, SIGNING_SECRET, body, FORM, { tsSeconds: ts });
    await postSigned(h.url, SIGNING_SECRET, body, FORM, { tsSeconds: ts });
    await h.settle();
    expect(clicks).toBe(1);
    expect(await refused('replayed')).toBe(2);
  });

  it('when a slash command is replayed, then the replay gets an empty answer and nothing runs again', async () => {
    const body = new URLSearchParams(slashCommandFields(cmd('declare sev2 Replayed', 'UALICE'))).toString();
    const ts = nowSeconds();
    const first = await postSigned(h.url, SIGNING_SECRET, body, FORM, { tsSeconds: ts });
    const again = await postSigned(h.url, SIGNING_SECRET, body, FORM, { tsSeconds: ts });
    expect(replyText(first.body)).toContain('INC-2026-0001');
    expect(again).toMatchObject({ status: 200, body: '' });
    await h.settle();
    expect(h.warden.store.incidents.listOpen()).toHaveLength(1);
    expect(await refused('replayed')).toBe(1);
  });

  it('when the same body is signed again at another time (a redelivery signed anew), then it is not a replay', async () => {
    const body = new URLSearchParams(slashCommandFields(cmd('list', 'UALICE'))).toString();
    await postSigned(h.url, SIGNING_SECRET, body, FORM, { tsSeconds: nowSeconds() - 2 });
    const retry = await postSigned(h.url, SIGNING_SECRET, body, FORM, { tsSeconds: nowSeconds(), retryNum: 1 });
    expect(retry.status).toBe(200);
    expect(replyText(retry.body)).toContain('twice');
    expect(await refused('replayed')).toBe(0);
  });

  it('when a declare with a title is delivered again signed anew, then the second answer names the incident the first made, and one exists', async () => {
    const body = new URLSearchParams(slashCommandFields(cmd('declare sev2 Delivered twice', 'UALICE'))).toString();
    const first = await postSigned(h.url, SIGNING_SECRET, body, FORM, { tsSeconds: nowSeconds() - 2 });
    const retry = await postSigned(h.url, SIGNING_SECRET, body, FORM, { tsSeconds: nowSeconds(), retryNum: 1 });
    expect(replyText(first.body)).toContain('Declared *INC-2026-0001*');
    expect(replyText(retry.body)).toContain('You already declared *INC-2026-0001*');
    await h.settle();
    expect(h.warden.store.incidents.listOpen()).toHaveLength(1);
  });

  it('when a bare declare (which opens the form) is delivered again signed anew, then the second delivery opens no second form', async () => {
    const body = new URLSearchParams(slashCommandFields(cmd('declare', 'UALICE'))).toString();
    await postSigned(h.url, SIGNING_SECRET, body, FORM, { tsSeconds: nowSeconds() - 2 });
    const retry = await postSigned(h.url, SIGNING_SECRET, body, FORM, { tsSeconds: nowSeconds(), retryNum: 1 });
    await h.settle();
    expect(replyText(retry.body)).toContain('twice');
    expect(h.slack.calls('views.open')).toHaveLength(1);
  });

  it('when an /incident note or update is replayed inside the window, then each is posted to the incident channel once', async () => {
    await h.incident('declare sev2 Replayed posts');
    await h.settle();
    const channel = h.incidentChannel();
    for (const text of ['note Failover started', 'update Traffic moved to the standby']) {
      const body = new URLSearchParams(slashCommandFields({ ...cmd(text, 'UALICE'), channelId: channel })).toString();
      const ts = nowSeconds();
      expect((await postSigned(h.url, SIGNING_SECRET, body, FORM, { tsSeconds: ts })).status).toBe(200);
      expect(await postSigned(h.url, SIGNING_SECRET, body, FORM, { tsSeconds: ts })).toMatchObject({ status: 200, body: '' });
    }
    await h.settle();
    await h.advance(2_000);
    for (const text of ['Failover started', 'Traffic moved to the standby']) expect(h.slack.messages(channel).filter((m) => m.text.includes(text))).toHaveLength(1);
    expect(await refused('replayed')).toBe(2);
  });
});
