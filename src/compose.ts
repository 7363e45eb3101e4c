import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { IncidentPolicy } from './features/incidents/app/deps.js';
import { CORE_RESPONSE_BOUND_KINDS } from './features/incidents/app/reminders.js';
import { createJobRunner, type JobRunner } from './platform/jobs/runner.js';
import type { SlackCredentials, WardenConfig } from './platform/config/index.js';
import { systemClock, type Clock } from './platform/clock.js';
import { updateEveryOf } from './features/incidents/domain/vocabulary.js';
import { healthRoutes, metricsRoute } from './platform/http/routes.js';
import { createMetrics } from './platform/http/metrics.js';
import { createVerbRegistry, type SlackDeps } from './adapters/slack/commands/registry.js';
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
  const severities = Object.values(config.severities).map((s) => ({ id: s.id, name: s.name, description: s.description, updateEveryMs: s.updateEvery }));
  return {
    severities,
    defaultSeverity: config.defaultSeverity,
    roles: Object.values(config.roles),
    updateEveryMs: (s) => updateEveryOf(severities, s),
    roleDuty: (r) => config.roles[r]?.duty ?? `The role ${r} is no longer configured in warden.yaml.`,
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
  const responseBoundKinds = [...CORE_RESPONSE_BOUND_KINDS];
  const deps: SlackDeps = {
    responseBoundKinds,
    store,
    clock,
    policy: policyFrom(config),
    runner: { poke: () => runner?.poke() },
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
      ...healthRoutes(db, () => isMigrated(db, ALL_MIGRATIONS), () => gatewayState(), () => ({ pending: store.jobs.pendingCount(), failed: store.jobs.failedCount() })),
      metricsRoute(createMetrics(store, () => gatewayState(), Object.keys(config.severities))),
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
