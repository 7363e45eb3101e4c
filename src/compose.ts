import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { IncidentPolicy } from './features/incidents/index.js';
import { createJobRunner, type JobRunner } from './platform/jobs/runner.js';
import type { DeclaredIncident } from './platform/feature.js';
import type { SlackCredentials } from './platform/config/index.js';
import { nagSettingsFrom, type WardenConfig } from './config/index.js';
import { systemClock, type Clock } from './platform/clock.js';
import { updateEveryOf } from './features/incidents/index.js';
import { healthRoutes, metricsRoute } from './platform/http/routes.js';
import { createMetricsServer } from './platform/http/metrics-server.js';
import { createMetrics } from './platform/http/metrics.js';
import { createRequestGate } from './platform/http/request-gate.js';
import type { SlackDeps } from './adapters/slack/commands/registry.js';
import { incidentsFeature } from './features/incidents/index.js';
import { createStore } from './features/incidents/index.js';
import type { WardenFeature } from './adapters/slack/feature-core.js';
import { createEventBus } from './platform/events.js';
import { plugFeatures } from './plug-features.js';
import { createHomeSections } from './adapters/slack/home.js';
import { createSlackApp } from './adapters/slack/create-slack-app.js';
import { createSlackStartup } from './adapters/slack/slack-startup.js';
import { slackErrorCode } from './adapters/slack/gateway.js';
import { usergroupLookup } from './adapters/slack/usergroups.js';
import { accessFeature, createAccessControl } from './features/access/index.js';
import type { Store } from './features/incidents/index.js';
import { migrate, migrationCheck, openDb } from './platform/db/db.js';
import { ON_THE_EVENT_LOOP, startWalCheckpointer, type WalCheckpointer } from './platform/db/wal-checkpointer.js';
import { pruneJob, schedulePruning, type PruneDeps } from './platform/jobs/prune-finished.js';
import { pagerDutyWebhookRoute } from './features/paging/index.js';

export interface WardenOptions {
  credentials: SlackCredentials;
  config: WardenConfig;
  dbPath: string;
  logger: Logger;
  clock?: Clock;
  /** Capabilities beyond the incident core (playbooks, legal clocks ...), from `wardenFeatures(config)`. */
  features?: readonly WardenFeature[];
  botId?: string;
  botUserId?: string;
  pollMs?: number;
  /** In Socket Mode, where `/healthz`, `/readyz` and `/metrics` are served. */
  port?: number;
  /** PAGERDUTY_WEBHOOK_SECRET, split: without one, `POST /pagerduty/webhook` answers 503. */
  pagerDutyWebhookSecrets?: readonly string[];
  /** METRICS_TOKEN (a bearer token `/metrics` requires) and METRICS_PORT (`/metrics` there, not on the main port). */
  metrics?: { token?: string; port?: number };
  /** How long to wait between start-up checks of the token while Slack refuses it or cannot be reached. */
  startupRetry?: { initialDelayMs?: number; maxDelayMs?: number };
}

/** Adapts warden.yaml to what the use cases need. */
export function policyFrom(config: WardenConfig): IncidentPolicy {
  const severities = Object.values(config.severities).map((s) => ({ id: s.id, name: s.name, description: s.description, updateEveryMs: s.updateEvery }));
  return {
    severities,
    defaultSeverity: config.defaultSeverity,
    roles: Object.values(config.roles),
    updateEveryMs: (s) => updateEveryOf(severities, s),
    updateReminders: (s) => ({
      everyMs: updateEveryOf(severities, s),
      maxPerUpdate: config.incidents.updateReminders.maxPerUpdate,
      quietHours: nagSettingsFrom(config).quietHours,
      ignoreQuietHours: config.severities[s]?.ignoreQuietHours ?? false,
    }),
    roleDuty: (r) => config.roles[r]?.duty ?? `The role ${r} is no longer configured in warden.yaml.`,
    timeZone: config.timeZone,
    privateTypes: config.incidents.privateTypes,
  };
}

/** Warden roles from warden.yaml; a refusal is written to the audit chain in its own transaction. */
function accessControlFrom(config: WardenConfig, store: Store, clock: Clock) {
  return createAccessControl({
    roles: config.permissions.roles,
    clock,
    groupCacheTtlMs: config.permissions.groupCacheTtl,
    recordDenial: (facts, at) =>
      store.transaction(() => store.audit.append({ at: at.toISOString(), actor: facts.userId, action: 'access.denied', incidentId: facts.incidentId, details: { permission: facts.permission, needs: facts.needs } })),
  });
}

/**
 * The composition root: opens and migrates the database, builds the use-case deps, the Bolt app and the
 * durable job runner, and wires every module into them. Nothing here runs until `start()`.
 */
export function createWarden(opts: WardenOptions) {
  const { config, logger } = opts;
  const clock = opts.clock ?? systemClock;
  const announcements = config.channels.announcements || null;
  const features = [incidentsFeature({ announcementsChannel: announcements }), accessFeature, ...(opts.features ?? [])];
  const migrations = features.flatMap((f) => f.migrations);
  const db = openDb(opts.dbPath);
  const applied = migrate(db, migrations);
  if (applied.length > 0) logger.info({ applied }, 'database migrated');
  const store = createStore(db);
  let runner: JobRunner | null = null;
  // The runner wakes after every commit that queued work: handlers never have to remember to.
  store.onJobsCommitted(() => runner?.poke());
  const responseBoundKinds: string[] = [];
  const declareNotes: Array<(incident: DeclaredIncident) => string | null> = [];
  const events = createEventBus();
  const access = accessControlFrom(config, store, clock);
  const deps: SlackDeps = { responseBoundKinds, declareNotes, store, clock, policy: policyFrom(config), events, access };
  let gatewayState = () => 'closed';
  // Filled once the features are plugged; read by /readyz on each request.
  const circuits: Record<string, () => string> = {};
  const readiness: Record<string, () => unknown> = {};
  // Both read maintained counts or an index, never the rows: job counts from job_counts, open incidents by severity.
  const openBySeverity = () => store.incidents.openCountBySeverity();
  const startup = createSlackStartup({ logger, apiUrl: opts.credentials.apiUrl, ...opts.startupRetry });
  const metrics = createMetrics({ openBySeverity, jobs: store.jobs }, () => gatewayState(), Object.keys(config.severities));
  const scrape = metricsRoute(metrics, opts.metrics?.token);
  const metricsServer = opts.metrics?.port !== undefined ? createMetricsServer(scrape) : null;
  const slack = createSlackApp({
    credentials: opts.credentials,
    deps,
    logger,
    counters: metrics.counters,
    deliveries: metrics.deliveries,
    fallbackChannel: announcements,
    limits: config.limits,
    ...(opts.port !== undefined ? { socketModePort: opts.port } : {}),
    routes: [
      // Job counts are maintained counters (one row each); migrations are checked until they hold, then remembered.
      ...healthRoutes({
        db,
        isMigrated: migrationCheck(db, migrations),
        slackCircuit: () => gatewayState(),
        slackConnection: () => startup.state(),
        pendingJobs: () => ({ pending: store.jobs.pendingCount(), failed: store.jobs.failedCount() }),
        otherCircuits: circuits,
        facts: readiness,
      }),
      ...(metricsServer ? [] : [scrape]),
      pagerDutyWebhookRoute({ db, store, clock, logger, secrets: opts.pagerDutyWebhookSecrets ?? [], countRefusal: metrics.counters.pagerDutyWebhookRefused }),
    ],
    ...(opts.botId ? { botId: opts.botId } : {}),
    ...(opts.botUserId ? { botUserId: opts.botUserId } : {}),
  });
  gatewayState = slack.gateway.state;
  access.useLookup(usergroupLookup(slack.app.client));
  const plugged = plugFeatures(features, { deps, slack: slack.gateway, db, home: createHomeSections() }, { roots: slack.roots, listeners: slack.listeners, events, metrics: metrics.registry });
  responseBoundKinds.push(...plugged.responseBoundKinds);
  declareNotes.push(...plugged.declareNotes);
  Object.assign(circuits, plugged.circuits);
  Object.assign(readiness, plugged.readiness);
  const pruning: PruneDeps = { store, clock, logger, retentionMs: config.jobs.retention };
  // Between jobs the runner lets requests being answered (acks, probes) finish first, 20 ms at most at a time.
  const requests = createRequestGate();
  runner = createJobRunner({
    store, clock, logger, jobs: [...plugged.jobs, pruneJob(pruning)], requestsClear: () => requests.clear(20), ...(opts.pollMs ? { pollMs: opts.pollMs } : {}),
    onFailedForGood: (job, error) => metrics.deliveries.failed(job.kind, slackErrorCode(error) ?? 'error'),
  });
  const jobs = runner;
  // A paced job (a channel set-up while Slack's Tier 2 is full) is booked to its slot as it is queued.
  store.beforeJobsCommit((queued) => jobs.paceQueued(queued));
  let server: Server | null = null;
  let stopped = false;
  let checkpointer: WalCheckpointer | null = null;
  readiness.walCheckpoint = () => checkpointer?.state() ?? ON_THE_EVENT_LOOP;

  return {
    store,
    /** The database handle, for the CLI's maintenance commands and the tests' raw SQL helper. */
    db,
    deps,
    runner: jobs,
    /** Resolves when the Slack handlers' after-ack work (modals, lookups, replies) has finished. */
    afterAckIdle: slack.afterAckIdle,
    app: slack.app,
    gateway: slack.gateway,
    /** `connected` once the start-up check of the token passed; else `connecting` or why Slack refused or is unreachable. */
    slackConnection: () => startup.state(),
    /** Every registered verb as `<root> <verb>`: what the permission table must cover. */
    commandKeys: () => [...slack.roots].flatMap(([root, verbs]) => verbs.all().map((v) => `${root} ${v.name}`)),
    /** Starts serving (HTTP on `port`, or Socket Mode) and the job loop; returns the bound port (HTTP). */
    async start(port: number, host = '0.0.0.0'): Promise<number> {
      // While serving, the log is checkpointed in a worker thread: no commit on the event loop copies it into the file.
      checkpointer ??= startWalCheckpointer(db, opts.dbPath, { logger });
      if (metricsServer && opts.metrics?.port !== undefined) logger.info({ port: await metricsServer.start(opts.metrics.port, host) }, 'serving /metrics on its own port');
      if (slack.receiver) {
        server = (await slack.receiver.start({ port, host })) as Server;
        requests.track(server);
      }
      // The token is checked before any job sends: with a revoked token or no Slack, probes and acks are answered
      // (requests wait for the workspace with a 503) and the check is retried with backoff until it passes.
      const { firstTry, connected } = startup.run(async () => {
        logger.info({ workspace: await slack.checkToken() }, 'serving one Slack workspace');
      });
      const begin = async (): Promise<void> => {
        if (!slack.receiver) await slack.app.start();
        schedulePruning(pruning);
        jobs.start();
        jobs.poke();
      };
      await firstTry;
      if (startup.state() === 'connected') await begin();
      else void connected.then((ok) => (ok && !stopped ? begin() : undefined)).catch((error: unknown) => logger.error({ err: (error as Error).message }, 'Warden could not start serving Slack'));
      return server ? (server.address() as AddressInfo).port : port;
    },
    /** Stops serving, lets a running job pass and after-ack work finish, runs the features' stop steps, closes the database. Safe to call twice. */
    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      startup.stop();
      await metricsServer?.stop();
      await jobs.stop();
      if (slack.receiver) await slack.receiver.stop();
      else await slack.app.stop();
      // A handler still working after its ack (a lookup, then a write) finishes before the database closes.
      await slack.afterAckIdle();
      for (const stop of plugged.stops) await stop();
      await checkpointer?.stop();
      db.close();
    },
  };
}

export type Warden = ReturnType<typeof createWarden>;
