import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { IncidentPolicy } from './features/incidents/app/deps.js';
import { CORE_RESPONSE_BOUND_KINDS } from './features/incidents/app/reminders.js';
import { createJobRunner, type JobRunner } from './platform/jobs/runner.js';
import type { SlackCredentials, WardenConfig } from './platform/config/index.js';
import { systemClock, type Clock } from './platform/clock.js';
import { SEVERITIES, type Severity } from './features/incidents/domain/incident-model.js';
import { healthRoutes, metricsRoute } from './platform/http/routes.js';
import { createMetrics } from './platform/http/metrics.js';
import type { SlackDeps } from './adapters/slack/commands/registry.js';
import { coreModule } from './features/incidents/slack/incidents-module.js';
import { createSlackApp } from './adapters/slack/create-slack-app.js';
import type { ModuleFactory } from './adapters/slack/module.js';
import { wireModules } from './adapters/slack/wire-modules.js';
import { isMigrated, migrate, openDb } from './platform/db/db.js';
import { ALL_MIGRATIONS } from './compose-features.js';
import { createStore } from './platform/db/store.js';

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
  const applied = migrate(db, ALL_MIGRATIONS);
  if (applied.length > 0) logger.info({ applied }, 'database migrated');
  const store = createStore(db);
  let runner: JobRunner | null = null;
  // The runner wakes after every commit that queued work: handlers never have to remember to.
  store.onJobsCommitted(() => runner?.poke());
  const responseBoundKinds = [...CORE_RESPONSE_BOUND_KINDS];
  const deps: SlackDeps = {
    responseBoundKinds,
    store,
    clock,
    policy: policyFrom(config),
    severityDescriptions: Object.fromEntries(SEVERITIES.map((s) => [s, config.severities[s].description])) as Record<Severity, string>,
  };
  let gatewayState = () => 'closed';
  const slack = createSlackApp({
    credentials: opts.credentials,
    deps,
    logger,
    ...(opts.port !== undefined ? { socketModePort: opts.port } : {}),
    routes: [
      ...healthRoutes(db, () => isMigrated(db, ALL_MIGRATIONS), () => gatewayState(), () => ({ pending: store.jobs.pendingCount(), failed: store.jobs.failedCount() })),
      metricsRoute(createMetrics(store, () => gatewayState())),
    ],
    ...(opts.botId ? { botId: opts.botId } : {}),
    ...(opts.botUserId ? { botUserId: opts.botUserId } : {}),
  });
  gatewayState = slack.gateway.state;
  const announcements = config.channels.announcements || null;
  const handlers = wireModules([coreModule(announcements, config.permissions.approvers), ...(opts.modules ?? [])], deps, responseBoundKinds, { gateway: slack.gateway, listeners: slack.listeners, roots: slack.roots });
  runner = createJobRunner({ store, clock, logger, handlers, classify: slack.gateway.classify, ...(opts.pollMs ? { pollMs: opts.pollMs } : {}) });
  const jobs = runner;
  let server: Server | null = null;
  let stopped = false;

  return {
    store,
    deps,
    runner: jobs,
    /** Resolves when the Slack handlers' after-ack work (modals, lookups, replies) has finished. */
    afterAckIdle: slack.afterAckIdle,
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
