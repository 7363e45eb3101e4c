import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultsConfigFile } from '../support/defaults-config.js';
import { runCli } from '../../src/cli/run-cli.js';
import { sendSlashCommand } from '../support/stand-ins/slack/requests/index.js';
import { makeTriggerId, startSlackStandIn, type SlackStandIn } from '../support/stand-ins/slack/index.js';
import { freePort } from '../support/free-port.js';

const TOKEN = 'xoxb-start-host-test';
const SECRET = `start-host-${process.pid}`;

let dir: string;
let slack: SlackStandIn;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'warden-start-host-'));
  slack = await startSlackStandIn({ token: TOKEN });
});
afterAll(async () => {
  await slack.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

/** Runs `warden start` through the CLI with `vars`, waits for it to listen, runs `check`, then stops it. */
async function whileStarted(vars: Record<string, string>, check: (port: number, out: string[], err: string[]) => Promise<void>): Promise<number> {
  const port = await freePort();
  const out: string[] = [];
  const err: string[] = [];
  const stop = new AbortController();
  const env = { SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl, WARDEN_DB: join(dir, `${port}.db`), WARDEN_CONFIG: defaultsConfigFile(dir), LOG_LEVEL: 'silent', PORT: String(port), ...vars };
  const running = runCli(['start'], { out: (s) => void out.push(s), err: (s) => void err.push(s) }, env, { stop: stop.signal });
  try {
    await expect.poll(() => out.join('\n') + err.join('\n'), { timeout: 20_000 }).toContain('listening');
    await check(port, out, err);
  } finally {
    stop.abort();
  }
  return running;
}

const outsideAddresses = () =>
  Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && !a.internal && a.family === 'IPv4')
    .map((a) => a!.address);

describe('warden start binds to HOST', () => {
  it('when HOST is 127.0.0.1, then it serves Slack on loopback and refuses connections to the other interfaces', async () => {
    const code = await whileStarted({ HOST: '127.0.0.1' }, async (port, out) => {
      expect(out).toContain(`Warden listening on 127.0.0.1:${port} (POST /slack/events, GET /healthz, GET /readyz)`);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      const help = await sendSlashCommand(`http://127.0.0.1:${port}`, SECRET, { command: '/incident', text: 'help', userId: 'UHOSTS01', channelId: 'CGENERAL', triggerId: makeTriggerId('UHOSTS01') });
      expect(help.status).toBe(200);
      expect(JSON.stringify(help.body)).toContain('/incident declare');
      for (const address of outsideAddresses()) expect(await accepts(address, port)).toBe(false);
    });
    expect(code).toBe(0);
  }, 60_000);

  it('when Slack cannot be reached, then start still listens, says why it is not serving yet, answers /readyz 503 and stops with 0', async () => {
    const closed = await freePort();
    const code = await whileStarted({ HOST: '127.0.0.1', SLACK_API_URL: `http://127.0.0.1:${closed}/api/` }, async (port, _out, err) => {
      expect(err.join('\n')).toContain(`warden: not serving Slack yet: Slack is unreachable at http://127.0.0.1:${closed}/api/: ECONNREFUSED. Retrying with backoff`);
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(503);
      expect(err.join('\n')).not.toContain(TOKEN);
    });
    expect(code).toBe(0);
  }, 60_000);

  it('when HOST is not an address, then start refuses by name before opening anything', async () => {
    const err: string[] = [];
    const code = await runCli(['start'], { out: () => undefined, err: (s) => void err.push(s) }, { SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, HOST: '127.0.0.1:3000', WARDEN_DB: join(dir, 'never.db') });
    expect(code).toBe(1);
    expect(err.join('\n')).toContain('HOST: expected an address to listen on');
  });
});
