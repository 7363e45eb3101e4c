import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Db } from '../db/db.js';

export interface Route {
  path: string;
  method: string[];
  handler: (req: unknown, res: ServerResponse) => void;
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

/** `GET /metrics` in the Prometheus text format; with a token, only for `Authorization: Bearer <token>` (else 401). */
export function metricsRoute(metrics: { contentType: string; render(): Promise<string> }, token?: string): Route {
  const expected = token === undefined ? null : createHash('sha256').update(token).digest();
  return {
    path: '/metrics',
    method: ['GET'],
    handler: (req, res) => {
      if (expected && !bearerMatches((req as IncomingMessage).headers.authorization, expected)) {
        res.writeHead(401, { 'www-authenticate': 'Bearer realm="warden metrics"', 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: 'a bearer token is required (METRICS_TOKEN)' }));
        return;
      }
      metrics.render().then(
        (body) => {
          res.writeHead(200, { 'content-type': metrics.contentType });
          res.end(body);
        },
        () => json(res, 500, { status: 'metrics unavailable' }),
      );
    },
  };
}

/** Compared as digests, in constant time, so neither the token's length nor its prefix leaks through timing. */
function bearerMatches(header: string | undefined, expected: Buffer): boolean {
  const given = /^Bearer ([^\s]+)$/i.exec(header ?? '')?.[1];
  return given !== undefined && timingSafeEqual(createHash('sha256').update(given).digest(), expected);
}

/**
 * Wraps a request listener so that only these exact paths reach it (the query aside): `/healthz/../metrics`,
 * `/metrics/`, `//metrics` or `/%6Detrics` are 404 here, never normalised into a route a proxy did not mean to expose.
 */
export function exactPaths(paths: readonly string[], next: RequestListener): RequestListener {
  const known = new Set(paths);
  return (req, res) => {
    const url = req.url ?? '';
    const q = url.indexOf('?');
    if (known.has(q < 0 ? url : url.slice(0, q))) return next(req, res);
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'not found' }));
  };
}

export interface HealthSources {
  db: Db;
  isMigrated: () => boolean;
  /** Slack's circuit breaker: `closed`, `half-open` or `open`. */
  slackCircuit: () => string;
  /** Whether Warden has reached Slack since it started: `connected`, `connecting`, or why it cannot. */
  slackConnection: () => string;
  pendingJobs: () => { pending: number; failed: number };
  otherCircuits?: Readonly<Record<string, () => string>>;
  facts?: Readonly<Record<string, () => unknown>>;
}

/**
 * `/healthz`: the process answers. `/readyz`: the database is open and migrated, Warden has reached Slack (its
 * token checked) and Slack's circuit is not open. Other services' circuits (PagerDuty) and the features' facts
 * (backup age ...) are reported, not counted: Warden without PagerDuty still runs incidents.
 */
export function healthRoutes(sources: HealthSources): Route[] {
  const { db, isMigrated, slackCircuit, slackConnection, pendingJobs, otherCircuits = {}, facts = {} } = sources;
  const ping = db.prepare('SELECT 1');
  return [
    { path: '/healthz', method: ['GET'], handler: (_req, res) => json(res, 200, { status: 'ok' }) },
    {
      path: '/readyz',
      method: ['GET'],
      handler: (_req, res) => {
        let database = 'ok';
        try {
          ping.get();
          if (!isMigrated()) database = 'migrations pending';
        } catch (error) {
          database = `unavailable: ${error instanceof Error ? error.message : String(error)}`;
        }
        const slack = slackCircuit();
        const connection = slackConnection();
        const ready = database === 'ok' && connection === 'connected' && slack !== 'open';
        const circuits = Object.fromEntries(Object.entries(otherCircuits).map(([name, state]) => [`${name}Circuit`, state()]));
        const reported = Object.fromEntries(Object.entries(facts).map(([name, read]) => [name, read()]));
        const checks = { database, slack: connection, slackCircuit: slack, ...circuits, jobs: pendingJobs(), ...reported };
        json(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks });
      },
    },
  ];
}
