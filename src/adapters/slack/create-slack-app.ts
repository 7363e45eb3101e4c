import { App, HTTPReceiver, LogLevel, type CustomRoute } from '@slack/bolt';
import type { Logger } from 'pino';
import type { SlackCredentials, SlackWorkspace } from '../../platform/config/index.js';
import type { SecurityCounters } from '../../platform/http/counters.js';
import { boltLogger } from './bolt-logger.js';
import { COMMAND_ROOTS, createVerbRegistry, type CommandRoot, type SlackDeps, type VerbRegistry } from './commands/registry.js';
import { registerCommandRoot } from './commands/root-command.js';
import { answerToError } from './commands/authorize.js';
import { createCommandLimiter, type CommandLimits } from './commands/rate-limit.js';
import { createSlackGateway } from './gateway.js';
import { createAfterAckWork } from './after-ack-work.js';
import { createSlackListeners } from './listeners.js';
import { guardInbound } from './inbound/inbound-guard.js';

export interface SlackAppOptions {
  credentials: SlackCredentials;
  deps: SlackDeps;
  logger: Logger;
  /** Extra HTTP routes (health, readiness, metrics) served beside `/slack/events`. */
  routes: CustomRoute[];
  /** Bumped when a request is refused (forged, stale, replayed) or a command is over a limit. */
  counters: SecurityCounters;
  /** warden.yaml `limits`: slash commands per person and per workspace. */
  limits: CommandLimits;
  /** Socket Mode serves the custom routes (health, metrics) on this port; HTTP mode takes its port at start. */
  socketModePort?: number;
  /** The bot's own ids: given, Bolt skips its start-up `auth.test`. */
  botId?: string;
  botUserId?: string;
}

/**
 * Builds the Bolt app: HTTP receiver (signature check, `/slack/events`, custom routes) or Socket Mode
 * when an app token is set; the Web API client pointed at SLACK_API_URL; every listener registered.
 */
export function createSlackApp(opts: SlackAppOptions) {
  const { credentials: cred, logger } = opts;
  const clientOptions = {
    slackApiUrl: cred.apiUrl,
    rejectRateLimitedCalls: true,
    timeout: 10_000,
    // No retry inside the client: a post retried there after a lost answer would go out twice. The durable job
    // queue retries instead, and a resumed job looks for its post (by metadata) before it sends it again.
    retryConfig: { retries: 0 },
  };
  const common = {
    token: cred.botToken,
    logger: boltLogger(logger),
    logLevel: LogLevel.WARN,
    clientOptions,
    ...(opts.botId && opts.botUserId ? { botId: opts.botId, botUserId: opts.botUserId } : {}),
  };
  const receiver =
    cred.mode === 'http'
      ? new HTTPReceiver({ signingSecret: cred.signingSecret, endpoints: '/slack/events', customRoutes: opts.routes, processBeforeResponse: false, logger: common.logger })
      : null;
  // Warden's own workspace: from the environment, else learnt from auth.test before the server listens.
  let workspace: SlackWorkspace | undefined = cred.workspace;
  // Forged, stale, replayed and other workspaces' requests are answered (and counted, and logged) before Bolt sees them.
  if (receiver && cred.mode === 'http') {
    const guard = { signingSecret: cred.signingSecret, endpoints: ['/slack/events'], counters: opts.counters, logger, workspace: () => workspace };
    receiver.requestListener = guardInbound(receiver.requestListener, guard);
  }
  const app =
    cred.mode === 'http' && receiver
      ? new App({ ...common, receiver })
      : new App({
          ...common,
          socketMode: true,
          appToken: cred.mode === 'socket' ? cred.appToken : '',
          customRoutes: opts.routes,
          // Bolt hands clientOptions (SLACK_API_URL included) to the Socket Mode client, and serves the
          // custom routes (health, readiness, metrics) on this port.
          port: opts.socketModePort ?? 3000,
        });
  // Work a handler runs after its ack (a modal, a lookup): tracked so tests and shutdown can wait for it.
  const afterAck = createAfterAckWork();
  const roots = new Map<CommandRoot, VerbRegistry>(COMMAND_ROOTS.map((root) => [root, createVerbRegistry()]));
  const listeners = createSlackListeners(app, logger, afterAck, {
    answerToError: (error, context) => answerToError(error, opts.deps, logger, context),
    beforeClick: () => opts.deps.access.warm(),
  });
  // One limiter for every root: a person's budget covers /incident, /warden and the rest together.
  const limiter = createCommandLimiter(opts.limits, { counters: opts.counters, logger });
  for (const [root, verbs] of roots) registerCommandRoot(app, root, verbs, opts.deps, logger, afterAck, limiter);
  app.error(async (error) => {
    logger.error({ err: error.message, code: (error as { code?: string }).code }, 'unhandled Bolt error');
  });
  return {
    app,
    receiver,
    gateway: createSlackGateway(app.client, { nowMs: () => opts.deps.clock.now().getTime() }),
    roots,
    listeners,
    /** Resolves when every handler's after-ack work has finished. */
    afterAckIdle: afterAck.idle,
    /** Asks auth.test which workspace (and Grid org) the bot token belongs to, unless the environment said. */
    async learnWorkspace(): Promise<SlackWorkspace> {
      workspace ??= await workspaceOfToken(app);
      return workspace;
    },
  };
}

async function workspaceOfToken(app: App): Promise<SlackWorkspace> {
  const answer = await app.client.auth.test();
  if (!answer.team_id) throw new Error('auth.test named no team_id: set SLACK_TEAM_ID to the workspace Warden is installed in');
  return { teamId: answer.team_id, ...(answer.enterprise_id ? { enterpriseId: answer.enterprise_id } : {}) };
}

export type SlackApp = ReturnType<typeof createSlackApp>;
