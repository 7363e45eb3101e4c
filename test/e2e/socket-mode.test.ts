import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { createWarden, type Warden } from '../../src/compose.js';
import { createLogger } from '../../src/platform/logger.js';
import { slashCommandFields } from '../support/slack-requests.js';
import { BOT_ID, BOT_USER_ID, makeTriggerId, startSlackStandIn, type SlackStandIn } from '../support/slack-stand-in.js';
import { startSocketModeServer } from '../support/socket-mode-server.js';
import { freePort } from '../support/free-port.js';

const BOT_TOKEN = 'xoxb-fake-socket-bot';
const APP_TOKEN = 'xapp-1-fake-socket-app';

let slack: SlackStandIn;
let socket: Awaited<ReturnType<typeof startSocketModeServer>>;
let warden: Warden;
let dir: string;
let port: number;

beforeEach(async () => {
  const clock = new ManualClock('2026-11-22T09:00:00Z');
  slack = await startSlackStandIn({ token: BOT_TOKEN, clock });
  socket = await startSocketModeServer();
  slack.useSocketMode(APP_TOKEN, socket.url);
  dir = mkdtempSync(join(tmpdir(), 'warden-socket-'));
  port = await freePort();
  warden = createWarden({
    credentials: { mode: 'socket', botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: slack.apiUrl },
    // A public incident, as in the HTTP tests (the shipped default makes a security incident private).
    config: parseConfig({ incidents: { privateTypes: [] }, channels: { announcements: slack.addChannel('incidents').id } }),
    dbPath: join(dir, 'warden.db'),
    logger: createLogger({ level: 'silent' }),
    clock,
    botId: BOT_ID,
    botUserId: BOT_USER_ID,
    port,
  });
  await warden.start(port);
  await socket.connected;
});
afterEach(async () => {
  await warden.stop();
  await socket.stop();
  await slack.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('Socket Mode (SLACK_APP_TOKEN set)', () => {
  it('when a slash command arrives over the socket, then Warden acks it on the socket and sets the incident up', async () => {
    expect(slack.calls('apps.connections.open')).toHaveLength(1);
    const fields = slashCommandFields({ command: '/incident', text: 'declare sev2 Over the socket', userId: 'UALICE', channelId: 'CGENERAL', triggerId: makeTriggerId('UALICE') });
    const ack = await socket.deliver('slash_commands', fields);
    expect(String(ack?.text)).toContain('Declared *INC-2026-0001* (sev2, security)');
    await warden.runner.idle();
    expect(slack.channelByName('inc-20261122-over-the-socket')).toBeDefined();
  });

  it('when an envelope names another workspace, then it is acked empty, counted, and nothing runs', async () => {
    const fields = { ...slashCommandFields({ command: '/incident', text: 'declare sev2 From elsewhere', userId: 'UALICE', channelId: 'CGENERAL', triggerId: makeTriggerId('UALICE') }), team_id: 'T0OTHER99' };
    const ack = await socket.deliver('slash_commands', fields);
    expect(ack?.text).toBeUndefined();
    await warden.runner.idle();
    expect(warden.store.incidents.listOpen()).toHaveLength(0);
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain('warden_slack_requests_refused_total{reason="foreign_workspace"} 1');
    const own = await socket.deliver('slash_commands', { ...fields, team_id: slashCommandFields({ command: '/incident', text: 'x', userId: 'UALICE', channelId: 'CGENERAL', triggerId: makeTriggerId('UALICE') }).team_id });
    expect(String(own?.text)).toContain('Declared *INC-2026-0001*');
  });

  it('serves /healthz and /readyz on PORT for the container health check', async () => {
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect(await (await fetch(`http://127.0.0.1:${port}/readyz`)).json()).toMatchObject({ status: 'ready' });
  });
});
