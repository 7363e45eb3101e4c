import { loadEnv, requireSlackCredentials, secretValues } from '../../platform/config/index.js';
import { loadConfig } from '../../config/index.js';
import { createWarden } from '../../compose.js';
import { createLogger } from '../../platform/logger.js';
import type { CliIo } from './config-check.js';
import { auditSetupFrom, pagingSetupFrom, wardenFeatures } from '../../compose-features.js';

/**
 * `warden start`: reads the environment and warden.yaml, refuses to start without Slack credentials
 * (naming what is missing), migrates the database, and serves on HOST:PORT until SIGTERM, SIGINT or `stop`.
 * Stopping lets the jobs in flight finish, never the backlog, and gives up after STOP_GRACE_MS (the caller exits).
 */
export async function runStart(io: CliIo, env: NodeJS.ProcessEnv = process.env, stop?: AbortSignal): Promise<number> {
  const parsed = loadEnv(env);
  const logger = createLogger({ level: parsed.logLevel, secrets: secretValues(parsed) });
  const credentials = requireSlackCredentials(parsed);
  const { config, source, path } = loadConfig(parsed.configPath);
  logger.info({ config: source === 'file' ? path : 'defaults', db: parsed.dbPath, mode: credentials.mode }, 'starting Warden');
  if (!parsed.audit.key) logger.warn({}, 'WARDEN_AUDIT_KEY is not set: audit checkpoints are off, so a cut-off or rewritten audit log would not show (make a key with `warden audit keygen --out FILE`)');
  const warden = createWarden({ credentials, config, dbPath: parsed.dbPath, logger, features: wardenFeatures(config, undefined, pagingSetupFrom(parsed.pagerDuty, env), auditSetupFrom(parsed.audit)), port: parsed.port, pagerDutyWebhookSecrets: parsed.pagerDuty.webhookSecrets, metrics: parsed.metrics });
  const port = await warden.start(parsed.port, parsed.host);
  const slack = warden.slackConnection();
  io.out(credentials.mode === 'http' ? `Warden listening on ${hostPort(parsed.host, port)} (POST /slack/events, GET /healthz, GET /readyz)` : `Warden ${slack === 'connected' ? 'connected' : 'started'} in Socket Mode`);
  if (slack !== 'connected') io.err(`warden: not serving Slack yet: ${slack}. Retrying with backoff; /readyz answers 503 until it passes.`);
  await stopRequested(stop);
  logger.info({}, 'stopping Warden');
  if (!(await within(STOP_GRACE_MS, warden.stop()))) {
    logger.warn({ graceMs: STOP_GRACE_MS }, 'stopping took too long: exiting now; the jobs in flight stay in the database and run again at the next start, looking for their posts first');
  }
  return 0;
}

/** Docker's default grace between SIGTERM and SIGKILL is 10 s: Warden is gone before it, with a second to spare. */
export const STOP_GRACE_MS = 9_000;

/** True when `work` settled within `ms`; the timer never keeps the process alive on its own. */
async function within(ms: number, work: Promise<void>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
    timer.unref();
  });
  try {
    return await Promise.race([work.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves on SIGTERM, SIGINT or `signal`; removes the listeners it added, so a test that starts twice leaks none. */
function stopRequested(signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      process.off('SIGTERM', done);
      process.off('SIGINT', done);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    process.once('SIGTERM', done);
    process.once('SIGINT', done);
    if (signal?.aborted) done();
    else signal?.addEventListener('abort', done, { once: true });
  });
}

const hostPort = (host: string, port: number) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);
