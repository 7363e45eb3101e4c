import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWardenProcess, type WardenProcess } from '../support/warden-process.js';
import { sendSlashCommand } from '../support/stand-ins/slack/requests/index.js';
import { makeTriggerId, startSlackStandIn, TEAM_ID, type SlackStandIn } from '../support/stand-ins/slack/index.js';

const TOKEN = 'xoxb-sigterm-test-not-real';
const SECRET = 'sigterm-test-signing-secret';
// Under conversations.create's tier (20 a minute) with the channels the first run may have made: the restart is not paced.
const DECLARES = 12;

let dir: string;
let slack: SlackStandIn;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'warden-sigterm-'));
  // One responder declares 12 incidents in a few seconds: over the default per-person command limit on purpose.
  writeFileSync(join(dir, 'warden.yaml'), 'limits:\n  commandsPerUserPerMinute: 1000\n  commandBurstPerUser: 1000\n');
  slack = await startSlackStandIn({ token: TOKEN, rateLimits: false });
});
afterAll(async () => {
  await slack.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** `warden start` as its own process against the stand-in, its output piped (the test reads its log lines). */
const startWarden = (db: string): Promise<WardenProcess> =>
  startWardenProcess(
    { SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl, SLACK_TEAM_ID: TEAM_ID, WARDEN_DB: db, WARDEN_CONFIG: join(dir, 'warden.yaml'), LOG_LEVEL: 'warn' },
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );

function incidents(db: string): { all: number; withoutChannel: number } {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare<[], { all: number; withoutChannel: number }>('SELECT count(*) AS "all", count(*) - count(channel_id) AS withoutChannel FROM incidents').get()!;
  } finally {
    conn.close();
  }
}

function jobCounts(db: string): Record<string, number> {
  const conn = new Database(db, { readonly: true });
  try {
    const rows = conn.prepare<[], { status: string; n: number }>('SELECT status, count(*) AS n FROM jobs GROUP BY status').all();
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  } finally {
    conn.close();
  }
}

describe('SIGTERM with a backlog and a Slack call that hangs', () => {
  it('when 12 declares are queued and Slack takes 30 s to answer, then SIGTERM ends the process within 10 s, keeps the backlog, and the next start delivers it', async () => {
    const db = join(dir, 'warden.db');
    const first = await startWarden(db);
    slack.delay('conversations.create', 30_000);
    for (let i = 1; i <= DECLARES; i++) {
      const answer = await sendSlashCommand(first.url, SECRET, { command: '/incident', text: `declare sev2 Backlog ${i}`, userId: 'UALICE', channelId: 'CGENERAL', triggerId: makeTriggerId('UALICE') });
      expect(answer.status).toBe(200);
    }
    await expect.poll(() => slack.calls('conversations.create').length, { timeout: 10_000 }).toBeGreaterThan(0);
    const sentAt = Date.now();
    first.child.kill('SIGTERM');
    const code = await first.exited;
    const tookMs = Date.now() - sentAt;
    expect(code).toBe(0);
    expect(tookMs).toBeLessThan(10_000);
    expect(incidents(db).all).toBe(DECLARES);
    const left = jobCounts(db);
    expect((left.pending ?? 0) + (left.running ?? 0)).toBeGreaterThanOrEqual(DECLARES);

    slack.clearDelay();
    const second = await startWarden(db);
    try {
      await expect.poll(() => incidents(db).withoutChannel, { timeout: 60_000, interval: 250 }).toBe(0);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  }, 120_000);
});
