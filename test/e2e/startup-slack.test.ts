import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createWarden, type Warden } from '../../src/compose.js';
import { parseConfig } from '../../src/config/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { createLogger } from '../../src/platform/logger.js';
import { freePort } from '../support/free-port.js';
import { sendSlashCommand } from '../support/stand-ins/slack/requests/index.js';
import { BOT_ID, BOT_USER_ID, TEAM_ID, makeTriggerId, startSlackStandIn, type SlackStandIn } from '../support/stand-ins/slack/index.js';

const TOKEN = 'xoxb-startup-test-token-not-real';
const SECRET = 'startup-test-signing-secret';

let dir: string;
let slack: SlackStandIn | null = null;
let warden: Warden | null = null;

afterEach(async () => {
  await warden?.stop();
  await slack?.stop();
  warden = null;
  slack = null;
  rmSync(dir, { recursive: true, force: true });
});

/** Warden on a temp database against `apiUrl`, retrying its start-up check every 50-200 ms; its log lines in `logs`. */
function build(apiUrl: string, workspace: { teamId: string } | null, logs: string[]): Warden {
  dir = mkdtempSync(join(tmpdir(), 'warden-startup-'));
  const destination = new Writable({ write: (chunk: Buffer, _e, done) => (logs.push(chunk.toString()), done()) });
  return createWarden({
    credentials: { mode: 'http', botToken: TOKEN, signingSecret: SECRET, apiUrl, ...(workspace ? { workspace } : {}) },
    config: parseConfig({ incidents: { privateTypes: [] } }),
    dbPath: join(dir, 'warden.db'),
    logger: createLogger({ level: 'info', destination, secrets: [TOKEN, SECRET] }),
    clock: new ManualClock('2026-11-22T09:00:00.000Z'),
    botId: BOT_ID,
    botUserId: BOT_USER_ID,
    startupRetry: { initialDelayMs: 50, maxDelayMs: 200 },
  });
}

async function readyz(url: string): Promise<{ status: number; body: { status: string; checks: Record<string, unknown> } }> {
  const answer = await fetch(`${url}/readyz`);
  return { status: answer.status, body: (await answer.json()) as { status: string; checks: Record<string, unknown> } };
}

describe('start-up while Slack refuses the token or cannot be reached', () => {
  it('when auth.test says token_revoked, then /readyz answers 503 naming it, requests wait with a 503, and once Slack accepts the token Warden serves', async () => {
    slack = await startSlackStandIn({ token: TOKEN });
    slack.failNext('auth.test', 'token_revoked', 3);
    const logs: string[] = [];
    warden = build(slack.apiUrl, { teamId: TEAM_ID }, logs);
    const url = `http://127.0.0.1:${await warden.start(0, '127.0.0.1')}`;
    const first = await readyz(url);
    expect(first.status).toBe(503);
    expect(first.body.checks.slack).toBe('Slack refused the bot token (token_revoked): the bot token was revoked; reinstall the app or set SLACK_BOT_TOKEN to a valid token');
    // Until the token passes, Slack's requests are answered 503 (Bolt is not initialised yet) and Slack sends them again.
    const early = await sendSlashCommand(url, SECRET, { command: '/incident', text: 'declare sev2 Payments down', userId: 'UALICE', channelId: 'CGENERAL', triggerId: makeTriggerId('UALICE') });
    expect(early.status).toBe(503);
    await expect.poll(async () => (await readyz(url)).status, { timeout: 10_000 }).toBe(200);
    const declare = await sendSlashCommand(url, SECRET, { command: '/incident', text: 'declare sev2 Payments down', userId: 'UALICE', channelId: 'CGENERAL', triggerId: makeTriggerId('UALICE') });
    expect(declare.status).toBe(200);
    await expect.poll(() => slack!.calls('conversations.create').length, { timeout: 10_000 }).toBe(1);
    expect(slack.calls('auth.test')).toHaveLength(4);
    const text = logs.join('');
    expect(text).toContain('Slack is not reachable yet');
    expect(text).toContain('token_revoked');
    expect(text).not.toContain(TOKEN);
  }, 30_000);

  it('when Slack cannot be reached at all, then start returns, /healthz answers, /readyz says unreachable and stop ends it cleanly', async () => {
    const closed = await freePort();
    const logs: string[] = [];
    warden = build(`http://127.0.0.1:${closed}/api/`, null, logs);
    const url = `http://127.0.0.1:${await warden.start(0, '127.0.0.1')}`;
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const ready = await readyz(url);
    expect(ready.status).toBe(503);
    expect(ready.body.checks.slack).toBe(`Slack is unreachable at http://127.0.0.1:${closed}/api/: ECONNREFUSED`);
    const declare = await sendSlashCommand(url, SECRET, { command: '/incident', text: 'help', userId: 'UALICE', channelId: 'CGENERAL', triggerId: makeTriggerId('UALICE') });
    expect(declare.status).toBe(503);
    await expect.poll(() => logs.join('').split('Slack is not reachable yet').length - 1, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
    expect(logs.join('')).not.toContain(TOKEN);
  }, 30_000);

  it('when the token belongs to another workspace than SLACK_TEAM_ID, then /readyz names both and Warden does not serve', async () => {
    slack = await startSlackStandIn({ token: TOKEN });
    warden = build(slack.apiUrl, { teamId: 'TOTHER999' }, []);
    const url = `http://127.0.0.1:${await warden.start(0, '127.0.0.1')}`;
    const ready = await readyz(url);
    expect(ready.status).toBe(503);
    expect(ready.body.checks.slack).toBe(`the bot token belongs to workspace ${TEAM_ID}, not SLACK_TEAM_ID TOTHER999: install the app in that workspace or correct the variable`);
  }, 30_000);
});
