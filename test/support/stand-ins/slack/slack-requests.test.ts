import type { AddressInfo } from 'node:net';
import { App, LogLevel, verifySlackRequest, type SlackCommandMiddlewareArgs } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSlackStandIn, type SlackStandIn } from '../../slack-stand-in.js';
import {
  appHomeOpenedEvent, datetimeValue, forgedSignature, pinAddedEvent, plainTextValue, reactionAddedEvent,
  sendBlockAction, sendEvent, sendSlashCommand, sendUrlVerification, sendViewSubmission, signedHeaders,
  staleTimestamp, staticSelectValue, usersSelectValue,
} from '../../slack-requests.js';
import { silentLogger } from '../../stand-in-client.js';

const SECRET = 'stand-in-signing-secret';
let standIn: SlackStandIn;
let app: App;
let appUrl: string;
const seen: { kind: string; body: Record<string, unknown>; retryNum?: number | undefined }[] = [];

beforeAll(async () => {
  standIn = await startSlackStandIn();
  app = new App({
    token: standIn.token,
    signingSecret: SECRET,
    logger: silentLogger(),
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 } },
  });
  app.command('/incident', async ({ ack, command, respond, context }: SlackCommandMiddlewareArgs & { context: { retryNum?: number } }) => {
    await ack();
    seen.push({ kind: 'command', body: { ...command }, retryNum: context.retryNum });
    await respond({ text: `Declared: ${command.text}` });
  });
  app.action('step_done', async ({ ack, body }) => {
    await ack();
    seen.push({ kind: 'action', body: body as unknown as Record<string, unknown> });
  });
  app.view('declare_incident', async ({ ack, view }) => {
    seen.push({ kind: 'view', body: view as unknown as Record<string, unknown> });
    await ack({ response_action: 'errors', errors: { title: 'Too short' } });
  });
  for (const type of ['reaction_added', 'pin_added', 'app_home_opened'] as const) {
    app.event(type, async ({ event, context }) => {
      seen.push({ kind: type, body: event as unknown as Record<string, unknown>, retryNum: context.retryNum });
    });
  }
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as { address(): AddressInfo | string | null };
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await app.stop();
  await standIn.stop();
});
beforeEach(() => {
  seen.length = 0;
});

/** Bolt acks before its handler has finished; wait until the handler has recorded what it saw. */
async function until(count: number): Promise<void> {
  for (let i = 0; i < 200 && seen.length < count; i += 1) await new Promise((r) => setTimeout(r, 10));
}

describe('signedHeaders', () => {
  it('when Bolt verifies the headers with the same secret, then they pass; with another secret, they fail', () => {
    const body = 'token=x&command=%2Fincident';
    const headers = signedHeaders(SECRET, body, 1_700_000_000);
    const verify = (signingSecret: string) => () =>
      verifySlackRequest({
        signingSecret,
        body,
        headers: {
          'x-slack-signature': headers['X-Slack-Signature']!,
          'x-slack-request-timestamp': Number(headers['X-Slack-Request-Timestamp']),
        },
        nowMilliseconds: 1_700_000_060_000,
      });
    expect(headers['X-Slack-Signature']).toMatch(/^v0=[0-9a-f]{64}$/);
    expect(verify(SECRET)).not.toThrow();
    expect(verify('another-secret')).toThrow(/signature mismatch/);
  });
});

describe('signed requests into a real Bolt app', () => {
  const general = () => standIn.channelByName('general')!.id;

  it('when a slash command is sent, then Bolt accepts it, the handler sees the fields and its reply reaches the response_url', async () => {
    const responseUrl = standIn.responseUrl('cmd', { channelId: general(), userId: 'UALICE' });
    const reply = await sendSlashCommand(appUrl, SECRET, {
      command: '/incident', text: 'declare sev1 Payments API down', userId: 'UALICE', channelId: general(), responseUrl,
    });
    expect(reply.status).toBe(200);
    expect(reply.elapsedMs).toBeGreaterThan(0);
    await until(1);
    expect(seen[0]).toMatchObject({ kind: 'command', body: { text: 'declare sev1 Payments API down', user_id: 'UALICE', channel_id: general() } });
    await expect.poll(() => standIn.ephemerals().map((e) => e.text)).toContain('Declared: declare sev1 Payments API down');
  });

  it('when a command is a retry, then Bolt passes the retry number to the handler', async () => {
    await sendSlashCommand(appUrl, SECRET, { command: 'incident', text: 'list', userId: 'UBOB', channelId: general() }, { retryNum: 1 });
    await until(1);
    expect(seen[0]?.retryNum).toBe(1);
  });

  it('when the signature is forged, then Bolt answers 401 and no handler runs', async () => {
    const reply = await sendSlashCommand(appUrl, SECRET, { command: '/incident', text: 'x', userId: 'UBOB', channelId: 'C1' }, { signature: forgedSignature() });
    expect(reply.status).toBe(401);
    expect(seen).toEqual([]);
  });

  it('when the timestamp is more than five minutes old, then Bolt answers 401', async () => {
    const reply = await sendSlashCommand(appUrl, SECRET, { command: '/incident', text: 'x', userId: 'UBOB', channelId: 'C1' }, { tsSeconds: staleTimestamp() });
    expect(reply.status).toBe(401);
    expect(seen).toEqual([]);
  });

  it('when a block action is sent, then the action handler sees the action id, value and message', async () => {
    const reply = await sendBlockAction(appUrl, SECRET, {
      actionId: 'step_done', value: 'step-3', userId: 'UALICE', channelId: general(), messageTs: '1700000000.000100',
    });
    expect(reply.status).toBe(200);
    await until(1);
    expect(seen[0]?.body).toMatchObject({
      type: 'block_actions',
      actions: [{ action_id: 'step_done', value: 'step-3' }],
      container: { message_ts: '1700000000.000100', channel_id: general() },
    });
  });

  it('when a view submission is sent, then the handler sees the values and its errors come back as JSON', async () => {
    const values = {
      title: { value: plainTextValue('Payments API down') },
      severity: { value: staticSelectValue('sev1', 'SEV1') },
      commander: { value: usersSelectValue('UALICE') },
      aware_at: { value: datetimeValue(1_700_000_000) },
    };
    const reply = await sendViewSubmission(appUrl, SECRET, { callbackId: 'declare_incident', privateMetadata: '{"c":"C1"}', values, userId: 'UALICE' });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ response_action: 'errors', errors: { title: 'Too short' } });
    expect(seen[0]?.body).toMatchObject({ private_metadata: '{"c":"C1"}', state: { values } });
  });

  it('when events are sent, then each reaches its handler, with a retry number when it is a redelivery', async () => {
    const item = { channelId: general(), messageTs: '1700000000.000100' };
    expect((await sendEvent(appUrl, SECRET, reactionAddedEvent({ userId: 'UBOB', reaction: 'eyes', ...item }))).status).toBe(200);
    expect((await sendEvent(appUrl, SECRET, pinAddedEvent({ userId: 'UBOB', ...item }), { retryNum: 2 })).status).toBe(200);
    expect((await sendEvent(appUrl, SECRET, appHomeOpenedEvent({ userId: 'UBOB' }))).status).toBe(200);
    await until(3);
    const byKind = Object.fromEntries(seen.map((s) => [s.kind, s]));
    expect(byKind.reaction_added?.body).toMatchObject({ reaction: 'eyes', item: { type: 'message', channel: general() } });
    expect(byKind.pin_added?.retryNum).toBe(2);
    expect(byKind.app_home_opened?.body).toMatchObject({ user: 'UBOB', tab: 'home' });
  });

  it('when Slack verifies the URL, then the app echoes the challenge', async () => {
    const reply = await sendUrlVerification(appUrl, SECRET, 'challenge-123');
    expect(reply).toMatchObject({ status: 200, body: { challenge: 'challenge-123' } });
  });
});
