import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/db.js';
import type { Route } from '../../../platform/http/routes.js';
import type { Logger } from '../../../platform/jobs/runner.js';
import type { IncidentStore } from '../../incidents/index.js';
import { applyWebhook } from '../app/apply-webhook.js';
import { freshnessOf, parseWebhookEvent } from '../domain/webhook-event.js';
import { verifyPagerDutySignature } from '../domain/webhook-signature.js';
import { inboundRepo } from '../store/inbound-repo.js';
import { pageRepo } from '../store/page-repo.js';
import { readBody } from './read-body.js';

export const WEBHOOK_PATH = '/pagerduty/webhook';
/** PagerDuty drops webhooks over 256 KB (developer-docs, webhooks/02-Behavior); anything larger is not from it. */
export const MAX_BODY_BYTES = 256 * 1024;

export const REFUSALS = ['not_configured', 'unsigned', 'bad_signature', 'stale', 'future', 'malformed', 'too_large', 'unreadable'] as const;
export type Refusal = (typeof REFUSALS)[number];

/**
 * PagerDuty retries only timeouts, 5xx and 429, and drops any other 4xx (webhooks/02-Behavior). A forged,
 * stale or malformed delivery will not get better on retry: a 4xx ends it. Only a missing secret (Warden's own
 * misconfiguration) answers 503, so PagerDuty keeps the delivery for a while as the operator fixes it.
 */
const STATUS: Record<Refusal, number> = { not_configured: 503, unsigned: 401, bad_signature: 401, stale: 400, future: 400, malformed: 400, too_large: 413, unreadable: 400 };

export interface WebhookRouteOptions {
  /** Counts each refusal by reason (`/metrics`). */
  countRefusal?: (reason: Refusal) => void;
  db: Db;
  store: IncidentStore;
  clock: Clock;
  logger: Logger;
  /** PAGERDUTY_WEBHOOK_SECRET, split: any of them may sign a delivery (a rotation). */
  secrets: readonly string[];
}

/**
 * `POST /pagerduty/webhook`: PagerDuty v3 webhooks. Reads the raw body (capped), checks the signature, parses,
 * refuses stale deliveries, then records and applies the delivery in one transaction and answers 202; Slack
 * is only ever called by the jobs that transaction queued, so the answer comes well within PagerDuty's 5 s.
 */
export function pagerDutyWebhookRoute(opts: WebhookRouteOptions): Route {
  const deps = { store: opts.store, pages: pageRepo(opts.db), inbound: inboundRepo(opts.db) };
  const refused = new Map<Refusal, number>();
  const refuse = (res: ServerResponse, req: IncomingMessage, reason: Refusal, problem?: string) => {
    const count = (refused.get(reason) ?? 0) + 1;
    refused.set(reason, count);
    opts.countRefusal?.(reason);
    // The reason and the count, never the body, a header value or a secret.
    opts.logger.warn({ reason, count, ...(problem ? { problem } : {}), ip: req.socket.remoteAddress, webhookId: header(req, 'x-webhook-id') }, 'refused a PagerDuty webhook');
    answer(res, STATUS[reason], { error: reason, ...(problem ? { problem } : {}) });
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (opts.secrets.length === 0) return refuse(res, req, 'not_configured');
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === 'too_large' || body === 'unreadable') return refuse(res, req, body);
    const signature = verifyPagerDutySignature(body, header(req, 'x-pagerduty-signature'), opts.secrets);
    if (signature !== 'ok') return refuse(res, req, signature);
    const parsed = parseWebhookEvent(body.toString('utf8'));
    if (!parsed.ok) return refuse(res, req, 'malformed', parsed.problem);
    const now = opts.clock.now();
    const freshness = freshnessOf(parsed.event.occurredAt, now);
    if (freshness !== 'fresh') return refuse(res, req, freshness);
    const outcome = applyWebhook(deps, parsed.event, now);
    opts.logger.info({ eventId: parsed.event.id, eventType: parsed.event.type, outcome }, 'PagerDuty webhook');
    answer(res, outcome === 'replayed' ? 200 : 202, { outcome });
  }

  return {
    path: WEBHOOK_PATH,
    method: ['POST'],
    handler: (req, res) => {
      const message = req as IncomingMessage;
      handle(message, res).catch((error: unknown) => {
        opts.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'PagerDuty webhook failed');
        // A 5xx: PagerDuty retries, and the delivery's event id was rolled back with everything else.
        if (!res.headersSent) answer(res, 500, { error: 'internal' });
      });
    },
  };
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}
