import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { IncidentPolicy } from './app/deps.js';
import { CORE_RESPONSE_BOUND_KINDS } from './app/incidents/reminders.js';
import { createJobRunner, type JobRunner } from './app/job-runner.js';
import type { SlackCredentials, WardenConfig } from './config/index.js';
import { systemClock, type Clock } from './domain/clock.js';
import { SEVERITIES, type Severity } from './domain/incident-model.js';
import { healthRoutes, metricsRoute } from './http-routes.js';
import { createMetrics } from './metrics.js';
import { createVerbRegistry, type SlackDeps } from './slack/commands/registry.js';
import { coreModule } from './slack/core-module.js';
import { createSlackApp } from './slack/create-slack-app.js';
import type { ModuleFactory } from './slack/module.js';
import { wireModules } from './slack/wire-modules.js';
import { migrate, openDb } from './store/db.js';
import { createStore } from './store/store.js';

export interface WardenOptions {
  credentials: SlackCredentials;
  config: WardenConfig;
  dbPath: string;
  logger: Logger;
  clock?: Clock;
  /** Capabilities beyond the incident core (playbooks, clocks ...). */
  modules?: ModuleFactory[];
  botId?: string;
  botUserId?: string;
  pollMs?: number;
  /** In Socket Mode, where `/healthz`, `/readyz` and `/metrics` are served. */
  port?: number;
}

/** Adapts warden.yaml to what the use cases need. */
export function policyFrom(config: WardenConfig): IncidentPolicy {
  return {
    updateEveryMs: (s) => config.severities[s].updateEvery,
    roleDuty: (r) => config.roles[r].duty,
    timeZone: config.timeZone,
    admins: config.permissions.admins,
  };
}

/**
 * The composition root: opens and migrates the database, builds the use-case deps, the Bolt app and the
 * durable job runner, and wires every module into them. Nothing here runs until `start()`.
 */
export function createWarden(opts: WardenOptions) {
  const { config, logger } = opts;
  const clock = opts.clock ?? systemClock;
  const db = openDb(opts.dbPath);
  const applied = migrate(db);
  if (applied.length > 0) logger.info({ applied }, 'database migrated');
  const store = createStore(db);
  let runner: JobRunner | null = null;
  const responseBoundKinds = [...CORE_RESPONSE_BOUND_KINDS];
  const deps: SlackDeps = {
    responseBoundKinds,
    store,
    clock,
    policy: policyFrom(config),
    runner: { poke: () => runner?.poke() },
    severityDescriptions: Object.fromEntries(SEVERITIES.map((s) => [s, config.severities[s].description])) as Record<Severity, string>,
  };
  const verbs = createVerbRegistry();
  let gatewayState = () => 'closed';
  const slack = createSlackApp({
    credentials: opts.credentials,
    deps,
    verbs,
    logger,
    permissions: config.permissions,
    ...(opts.port !== undefined ? { socketModePort: opts.port } : {}),
    routes: [
      ...healthRoutes(db, () => gatewayState(), () => ({ pending: store.jobs.pendingCount(), failed: store.jobs.failedCount() })),
      metricsRoute(createMetrics(store, () => gatewayState())),
    ],
    ...(opts.botId ? { botId: opts.botId } : {}),
    ...(opts.botUserId ? { botUserId: opts.botUserId } : {}),
  });
  gatewayState = slack.gateway.state;
  const announcements = config.channels.announcements || null;
  const handlers = wireModules([coreModule(announcements), ...(opts.modules ?? [])], deps, responseBoundKinds, { gateway: slack.gateway, app: slack.app, verbs });
  runner = createJobRunner({ store, clock, logger, handlers, classify: slack.gateway.classify, ...(opts.pollMs ? { pollMs: opts.pollMs } : {}) });
  const jobs = runner;
  let server: Server | null = null;
  let stopped = false;

  return {
    store,
    deps,
    runner: jobs,
    app: slack.app,
    gateway: slack.gateway,
    /** Starts serving (HTTP on `port`, or Socket Mode) and the job loop; returns the bound port (HTTP). */
    async start(port: number, host = '0.0.0.0'): Promise<number> {
      if (slack.receiver) {
        server = (await slack.receiver.start({ port, host })) as Server;
      } else {
        await slack.app.start();
      }
      jobs.start();
      jobs.poke();
      return server ? (server.address() as AddressInfo).port : port;
    },
    /** Stops serving, lets a running job pass finish, closes the database. Safe to call twice. */
    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      await jobs.stop();
      if (slack.receiver) await slack.receiver.stop();
      else await slack.app.stop();
      db.close();
    },
  };
}

export type Warden = ReturnType<typeof createWarden>;
