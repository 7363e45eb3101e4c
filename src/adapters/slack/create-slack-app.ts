import { App, HTTPReceiver, LogLevel, type AnyMiddlewareArgs, type CustomRoute, type Middleware } from '@slack/bolt';
import type { Logger } from 'pino';
import type { SlackCredentials, SlackWorkspace } from '../../platform/config/index.js';
import type { DeliveryCounters, SecurityCounters } from '../../platform/http/counters.js';
import { boltLogger } from './bolt-logger.js';
import { COMMAND_ROOTS, createVerbRegistry, type CommandRoot, type SlackDeps, type VerbRegistry } from './commands/registry.js';
import { registerCommandRoot } from './commands/root-command.js';
import { answerToError } from './commands/authorize.js';
import { createCommandLimiter, type CommandLimits } from './commands/rate-limit.js';
import { createSlackGateway } from './gateway.js';
import { createAfterAckWork } from './after-ack-work.js';
import { createSlackListeners } from './listeners.js';
import { createDispatch } from './dispatch.js';
import { guardInbound } from './inbound/inbound-guard.js';
import { claimedWorkspaceOf, isOwnWorkspace } from './inbound/workspace-claim.js';
import { StartupRefusal } from './slack-startup.js';
import { exactPaths } from '../../platform/http/routes.js';

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
  /** Where an escalation goes when none of its channels can be reached (the announcements channel). */
  fallbackChannel?: string | null;
  deliveries?: DeliveryCounters;
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
    // Bolt's own auth.test runs in `init()`, from the start-up check that retries it, not in the constructor: there a
    // failure would be cached for good (every later request refused) and surface as an unhandled rejection.
    deferInitialization: true,
    tokenVerificationEnabled: !(opts.botId && opts.botUserId),
    // No listener reads Bolt's conversation store (context.conversation): its global middleware ran on every request.
    convoStore: false as const,
  };
  const receiver =
    cred.mode === 'http'
      ? new HTTPReceiver({
          signingSecret: cred.signingSecret,
          endpoints: '/slack/events',
          customRoutes: opts.routes,
          processBeforeResponse: false,
          logger: common.logger,
          // guardInbound (below) verifies every request to /slack/events (signature, window, replay) before Bolt
          // reads it and answers the unsigned SSL check itself; a second HMAC in Bolt was pure cost.
          signatureVerification: false,
        })
      : null;
  // Warden's own workspace, set once the start-up check of the token passed: until then requests get a 503.
  let workspace: SlackWorkspace | undefined;
  // Forged, stale, replayed and other workspaces' requests are answered (and counted, and logged) before Bolt sees them.
  if (receiver && cred.mode === 'http') {
    const guard = { signingSecret: cred.signingSecret, endpoints: ['/slack/events'], counters: opts.counters, logger, workspace: () => workspace };
    receiver.requestListener = guardInbound(receiver.requestListener, guard);
    receiver.requestListener = exactPaths(['/slack/events', ...opts.routes.map((r) => r.path)], receiver.requestListener);
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
  // Over the socket there is no HTTP request to screen: a global middleware refuses other workspaces' envelopes.
  if (cred.mode === 'socket') app.use(socketWorkspaceGuard(() => workspace, opts.counters, logger));
  // Work a handler runs after its ack (a modal, a lookup): tracked so tests and shutdown can wait for it.
  const afterAck = createAfterAckWork();
  const roots = new Map<CommandRoot, VerbRegistry>(COMMAND_ROOTS.map((root) => [root, createVerbRegistry()]));
  // One Bolt listener per kind of payload (commands, actions, views, events), each looking its handler up by id.
  const dispatch = createDispatch(app);
  const listeners = createSlackListeners(dispatch, logger, afterAck, {
    answerToError: (error, context) => answerToError(error, opts.deps, logger, context),
    beforeClick: () => opts.deps.access.warm(),
  });
  // One limiter for every root: a person's budget covers /incident, /warden and the rest together.
  const limiter = createCommandLimiter(opts.limits, { counters: opts.counters, logger });
  for (const [root, verbs] of roots) registerCommandRoot(dispatch, root, verbs, opts.deps, logger, afterAck, limiter);
  app.error(async (error) => {
    logger.error({ err: error.message, code: (error as { code?: string }).code }, 'unhandled Bolt error');
  });
  return {
    app,
    receiver,
    gateway: createSlackGateway(app.client, {
      nowMs: () => opts.deps.clock.now().getTime(),
      fallbackChannel: opts.fallbackChannel ?? null,
      ...(opts.deliveries ? { onRerouted: opts.deliveries.rerouted } : {}),
    }),
    roots,
    listeners,
    /** Resolves when every handler's after-ack work has finished. */
    afterAckIdle: afterAck.idle,
    /**
     * Checks the bot token with auth.test and learns Warden's own workspace (and Grid org) from it, unless the
     * environment named it; a token of another workspace than the one named is refused. Then Bolt initialises
     * (learning the bot's ids unless they were given) and requests are let in.
     */
    async checkToken(): Promise<SlackWorkspace> {
      const own = await workspaceOfToken(app);
      const named = cred.workspace;
      if (named && !sameWorkspace(named, own)) {
        const which = named.enterpriseId ? `Grid org ${own.enterpriseId ?? 'none'}, not SLACK_ENTERPRISE_ID ${named.enterpriseId}` : `workspace ${own.teamId}, not SLACK_TEAM_ID ${named.teamId}`;
        throw new StartupRefusal(`the bot token belongs to ${which}: install the app in that workspace or correct the variable`);
      }
      await app.init();
      workspace = named ?? own;
      return workspace;
    },
  };
}

/**
 * Socket Mode's check of the workspace an envelope names (the HTTP guard does it for /slack/events): another
 * workspace's, or any before Warden knows its own, is acked empty, counted and logged, and reaches no listener.
 */
function socketWorkspaceGuard(own: () => SlackWorkspace | undefined, counters: SecurityCounters, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const claim = claimedWorkspaceOf(args.body);
    const workspace = own();
    if (claim === 'none' || (workspace && isOwnWorkspace(workspace, claim))) return args.next();
    const reason = workspace ? 'foreign_workspace' : 'not_ready';
    counters.slackRequestRefused(reason);
    logger.warn({ reason, team: claim.teamId, enterprise: claim.enterpriseId, expectedTeam: workspace?.teamId ?? null }, 'refused a Socket Mode envelope for another workspace');
    if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
  };
}

/** An org-wide install is named by its org; a workspace install by its workspace. */
const sameWorkspace = (named: SlackWorkspace, own: SlackWorkspace): boolean =>
  named.enterpriseId ? named.enterpriseId === own.enterpriseId : named.teamId === own.teamId;

async function workspaceOfToken(app: App): Promise<SlackWorkspace> {
  const answer = await app.client.auth.test();
  if (!answer.team_id) throw new StartupRefusal('auth.test named no team_id: set SLACK_TEAM_ID to the workspace Warden is installed in');
  return { teamId: answer.team_id, ...(answer.enterprise_id ? { enterpriseId: answer.enterprise_id } : {}) };
}

export type SlackApp = ReturnType<typeof createSlackApp>;
