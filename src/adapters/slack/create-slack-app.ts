import { App, HTTPReceiver, LogLevel, type CustomRoute } from '@slack/bolt';
import type { Logger } from 'pino';
import type { SlackCredentials } from '../../platform/config/index.js';
import { boltLogger } from './bolt-logger.js';
import { registerIncidentCommand } from './commands/incident-command.js';
import { registerOtherCommands } from './commands/other-commands.js';
import type { SlackDeps, VerbRegistry } from './commands/registry.js';
import { registerEvents } from '../../features/incidents/slack/events.js';
import { createSlackGateway } from './gateway.js';
import { registerDeclareSubmission } from '../../features/incidents/slack/declare-submission.js';

export interface SlackAppOptions {
  credentials: SlackCredentials;
  deps: SlackDeps;
  verbs: VerbRegistry;
  logger: Logger;
  /** Extra HTTP routes (health, readiness, metrics) served beside `/slack/events`. */
  routes: CustomRoute[];
  /** Warden admins and notice approvers (warden.yaml `permissions`), for `/warden whoami`. */
  permissions: { admins: readonly string[]; approvers: readonly string[] };
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
    retryConfig: { retries: 2, factor: 2, minTimeout: 100, maxTimeout: 1_000 },
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
  registerIncidentCommand(app, opts.deps, opts.verbs, logger);
  registerDeclareSubmission(app, opts.deps, logger);
  registerOtherCommands(app, opts.deps, opts.permissions.admins, opts.permissions.approvers);
  registerEvents(app, opts.deps, logger);
  app.error(async (error) => {
    logger.error({ err: error.message, code: (error as { code?: string }).code }, 'unhandled Bolt error');
  });
  return { app, receiver, gateway: createSlackGateway(app.client) };
}

export type SlackApp = ReturnType<typeof createSlackApp>;
