/**
 * `warden metrics`: MTTA, MTTR and time to each legal submission of the incidents declared in a period.
 *
 *   warden metrics --since <30d|DATE|INSTANT> [--until <DATE|INSTANT>] [--json]
 *
 * Exit codes: 0 printed, 1 the configuration is invalid, 2 bad input (named, with the forms it takes).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/index.js';
import { metricsJson, metricsText, parsePeriod, responseMetricsFor, responseTimesRead } from '../../features/metrics/index.js';
import { isWardenError } from '../../platform/errors.js';
import { loadEnv } from '../../platform/config/index.js';
import { migrate, openExistingDb } from '../../platform/db/db.js';
import { ALL_MIGRATIONS } from '../../compose-features.js';
import type { CliIo } from './config-check.js';

export const METRICS_USAGE = 'usage: warden metrics --since <30d|2026-11-01|2026-11-01T09:00:00Z> [--until <date|instant>] [--json]';

/** Runs `warden metrics` with the arguments after `metrics` against WARDEN_DB; `now` ends a relative period. */
export function runMetrics(argv: string[], io: CliIo, env: NodeJS.ProcessEnv, now: Date): number {
  let args: { since?: string; until?: string; json: boolean; help: boolean };
  let period;
  try {
    args = parseArgs({
      args: argv,
      options: { since: { type: 'string' }, until: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
      strict: true,
      allowPositionals: false,
    }).values;
    if (args.help) {
      io.out(METRICS_USAGE);
      return 0;
    }
    period = parsePeriod(args.since, args.until, now);
  } catch (e) {
    if (!(e instanceof Error) || (isWardenError(e) && e.code !== 'bad_input')) throw e;
    io.err(`warden metrics: ${e.message}\n${METRICS_USAGE}`);
    return 2;
  }
  const severities = Object.keys(loadConfig(env.WARDEN_CONFIG?.trim() || undefined).config.severities);
  const { dbPath } = loadEnv(env);
  // A report on a database that is not there would be a report on nothing: a mistyped WARDEN_DB is an error.
  const db = openExistingDb(dbPath);
  try {
    migrate(db, ALL_MIGRATIONS);
    const metrics = responseMetricsFor(responseTimesRead(db), period, severities);
    io.out(args.json ? JSON.stringify(metricsJson(metrics, period), null, 2) : metricsText(metrics, period));
    return 0;
  } finally {
    db.close();
  }
}
