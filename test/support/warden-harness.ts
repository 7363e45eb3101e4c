import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { parseConfig, type WardenConfigInput } from '../../src/config/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { createWarden } from '../../src/compose.js';
import { createLogger } from '../../src/platform/logger.js';
import type { WardenFeature } from '../../src/adapters/slack/feature-core.js';
import { BOT_ID, BOT_USER_ID, TEAM_ID, makeTriggerId, startSlackStandIn, type SlackStandInOptions } from './slack-stand-in.js';
import { sendCommandSeeingReply } from './stand-ins/slack/command-reply.js';
import { sendBlockAction, sendEvent, sendViewSubmission, type BlockAction, type SendOptions, type ViewSubmission } from './slack-requests.js';

export const SIGNING_SECRET = 'test-signing-secret-not-real';
export const BOT_TOKEN = 'xoxb-test-token-not-real';
export const START = '2026-11-22T09:00:00.000Z';

export interface HarnessOptions {
  config?: WardenConfigInput;
  /** Features beyond the incident core. */
  features?: readonly WardenFeature[];
  start?: string;
  /** Passed to the Slack stand-in; `rateLimits: false` only for tests that blast calls on purpose. */
  slack?: Pick<SlackStandInOptions, 'rateLimits' | 'enterpriseId' | 'users'>;
  /** Where Warden's log lines go (at warn), for tests that check what is logged; silent otherwise. */
  logs?: Writable;
  /** PAGERDUTY_WEBHOOK_SECRET, split: the secrets `POST /pagerduty/webhook` accepts. */
  pagerDutyWebhookSecrets?: readonly string[];
  /** SLACK_TEAM_ID / SLACK_ENTERPRISE_ID: the stand-in's team by default; `auth.test` to have Warden ask at start-up. */
  workspace?: { teamId: string; enterpriseId?: string } | 'auth.test';
  /** METRICS_TOKEN and METRICS_PORT. */
  metrics?: { token?: string; port?: number };
}

/**
 * A running Warden on a temp SQLite file, talking to a local Slack stand-in, with a clock tests move.
 * Requests go in signed, exactly as Slack sends them; assertions read the stand-in's recorded calls.
 */
export async function startHarness(opts: HarnessOptions = {}) {
  const clock = new ManualClock(opts.start ?? START);
  const slack = await startSlackStandIn({ token: BOT_TOKEN, clock, ...opts.slack });
  // Setup asks the admin to invite @warden to the announcements channel (README); without it Slack says not_in_channel.
  const announcements = slack.addChannel('incidents', { botJoined: true });
  // Command limits follow real time (limiter's buckets take no clock) while tests script minutes of work in a
  // second on the manual clock: out of the way unless a test sets them.
  const limits = { commandsPerUserPerMinute: 100_000, commandBurstPerUser: 100_000, commandsPerWorkspacePerMinute: 100_000, ...opts.config?.limits };
  // Public unless a test asks: the shipped default makes security and privacy incidents private, and most tests
  // are about the flow of a public one (tests of private incidents pass `incidents.privateTypes` or `--private`).
  const config = parseConfig({
    ...opts.config,
    limits,
    incidents: { privateTypes: [], ...opts.config?.incidents },
    channels: { announcements: announcements.id, ...opts.config?.channels },
  });
  const dir = mkdtempSync(join(tmpdir(), 'warden-test-'));
  const workspace = opts.workspace === 'auth.test' ? {} : { workspace: opts.workspace ?? { teamId: TEAM_ID } };
  const build = () =>
    createWarden({
      credentials: { mode: 'http', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: slack.apiUrl, ...workspace },
      config,
      dbPath: join(dir, 'warden.db'),
      logger: opts.logs ? createLogger({ level: 'warn', destination: opts.logs }) : createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
      clock,
      features: opts.features ?? [],
      botId: BOT_ID,
      botUserId: BOT_USER_ID,
      pollMs: 60_000,
      ...(opts.pagerDutyWebhookSecrets ? { pagerDutyWebhookSecrets: opts.pagerDutyWebhookSecrets } : {}),
      ...(opts.metrics ? { metrics: opts.metrics } : {}),
    });
  let warden = build();
  let url = `http://127.0.0.1:${await warden.start(0, '127.0.0.1')}`;
  const afterAck = async <T>(request: Promise<T>): Promise<T> => {
    const answer = await request;
    await warden.afterAckIdle();
    return answer;
  };

  const h = {
    slack,
    get warden() {
      return warden;
    },
    clock,
    /** Raw SQL for assertions on what is stored; Warden's own code never sees this handle. */
    get db() {
      return warden.db;
    },
    get url() {
      return url;
    },
    config,
    announcementsId: announcements.id,
    gateway: () => h.warden.gateway,
    /** `/incident <text>` from a user in a channel. */
    incident(text: string, as: { user?: string; channel?: string } = {}, send?: SendOptions, wire: { wireText?: boolean } = {}) {
      return h.command('/incident', text, as, send, wire);
    },
    /**
     * A slash command from a user in a channel, with a response_url the stand-in routes. A verb that must call
     * Slack acks first and answers through the response_url: its answer is returned as `body`, with `afterAck`.
     */
    async command(command: string, text: string, as: { user?: string; channel?: string } = {}, send?: SendOptions, wire: { wireText?: boolean } = {}) {
      const userId = as.user ?? 'UALICE';
      const app = { url, secret: SIGNING_SECRET, settled: () => warden.afterAckIdle() };
      return sendCommandSeeingReply(slack, app, { command, text, ...wire, userId, channelId: as.channel ?? 'CGENERAL', triggerId: makeTriggerId(userId) }, send);
    },
    /** A click; returns once Warden has acked it and finished what it does after the ack. */
    action: (a: BlockAction, send?: SendOptions) => afterAck(sendBlockAction(url, SIGNING_SECRET, a, send)),
    submit: (s: ViewSubmission, send?: SendOptions) => afterAck(sendViewSubmission(url, SIGNING_SECRET, s, send)),
    event: (e: Parameters<typeof sendEvent>[2], eventId?: string, send?: SendOptions) => afterAck(sendEvent(url, SIGNING_SECRET, e, { ...(eventId ? { eventId } : {}), ...send })),
    /** Stops the process and starts a new one on the same database (a deploy, a crash). */
    async restart() {
      await warden.stop();
      warden = build();
      url = `http://127.0.0.1:${await warden.start(0, '127.0.0.1')}`;
    },
    /** Runs every job that is due now, as the scheduler loop would. */
    settle: async () => {
      await warden.afterAckIdle();
      await warden.runner.idle();
    },
    /** Moves the clock and runs what fell due. */
    async advance(ms: number) {
      clock.advance(ms);
      await warden.runner.idle();
    },
    /** The channel Warden created for the most recent incident (after settle). */
    incidentChannel(id?: string) {
      const incident = id ? warden.store.incidents.get(id) : warden.store.incidents.listOpen()[0];
      if (!incident?.channelId) throw new Error('no incident channel yet');
      return incident.channelId;
    },
    /** Fails when anything Warden posted could ping a whole channel: user text must have been escaped. */
    assertNoBroadcastMentions() {
      const posted = slack.calls().filter((c) => c.method.startsWith('chat.') || c.method.startsWith('views.') || c.method === 'conversations.setTopic');
      const offending = posted.filter((c) => /<!(channel|here|everyone)>/.test(JSON.stringify(c.args)));
      if (offending.length > 0) throw new Error(`Warden posted a broadcast mention: ${JSON.stringify(offending[0]?.args).slice(0, 300)}`);
      // Slack reads `<` as the start of a mention, a channel, a date or a link; any other `<` must be written &lt;.
      const stray = posted.map((c) => /<(?![@#!]|https?:|mailto:)[^"]{0,40}/.exec(JSON.stringify({ text: c.args.text, blocks: c.args.blocks, view: c.args.view }))).find(Boolean);
      if (stray) throw new Error(`Warden posted a "<" Slack would misread (write &lt;): ${stray[0]}`);
    },
    async stop() {
      h.assertNoBroadcastMentions();
      await warden.stop();
      await slack.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return h;
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/** The text of a reply the app gave in its ack, whatever its shape. */
export function replyText(body: unknown): string {
  if (!body || typeof body !== 'object') return String(body ?? '');
  const b = body as { text?: string; blocks?: { text?: { text?: string } }[] };
  return [b.text ?? '', ...(b.blocks ?? []).map((x) => x.text?.text ?? '')].join('\n');
}
