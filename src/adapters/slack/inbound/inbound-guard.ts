import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse } from 'node:querystring';
import { HTTPModuleFunctions } from '@slack/bolt';
import type { RefusalReason, SecurityCounters } from '../../../platform/http/counters.js';
import type { Logger } from '../../../platform/jobs/runner.js';
import { classifyRequest, WINDOW_SECONDS } from './classify-request.js';
import { createSeenSignatures, type SeenSignatures } from './seen-signatures.js';
import { claimedWorkspace, isOwnWorkspace } from './workspace-claim.js';
import type { SlackWorkspace } from '../../../platform/config/index.js';

export interface InboundGuardOptions {
  signingSecret: string;
  /** The receiver's event paths (`/slack/events`); every other request goes straight through. */
  endpoints: readonly string[];
  counters: Pick<SecurityCounters, 'slackRequestRefused'>;
  logger: Logger;
  /** Wall-clock milliseconds. Slack signs with wall-clock time, so this is not Warden's (test-movable) Clock. */
  nowMs?: () => number;
  seen?: SeenSignatures;
  /** The installed workspace (SLACK_TEAM_ID, or auth.test at start-up); while unknown, every request is refused with 503. */
  workspace: () => SlackWorkspace | undefined;
}

const FORM = 'application/x-www-form-urlencoded';
const SSL_CHECK = 'ssl_check=';

// 503 while Warden has not learnt its own workspace yet (Slack is unreachable at start-up): Slack retries it.
const STATUS: Record<RefusalReason, number> = { forged: 401, stale: 401, replayed: 200, foreign_workspace: 403, not_ready: 503 };

const MESSAGES: Partial<Record<RefusalReason, string>> = {
  foreign_workspace: 'refused a Slack request for another workspace',
  not_ready: 'refused a Slack request: Warden has not reached Slack yet to learn its workspace',
};

/**
 * Wraps the HTTPReceiver's request listener: a request to the events endpoint that Slack did not sign, that
 * is outside the 5-minute window, or whose signature was already accepted, is answered here (401, or an empty
 * 200 for a replay so that nothing runs twice), counted and logged once; so is Slack's unsigned SSL check (an
 * empty 200). Bolt's listener gets only signed bodies, already read, and is built with its own signature check
 * off (`signatureVerification: false`): this is the one check, so it must see every POST to the endpoint.
 */
export function guardInbound(next: RequestListener, opts: InboundGuardOptions): RequestListener {
  const nowMs = opts.nowMs ?? Date.now;
  const seen = opts.seen ?? createSeenSignatures();

  async function screen(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit);
    const body = buffered.rawBody.toString();
    // Slack's SSL check comes unsigned: answered here, so nothing unsigned ever reaches Bolt (which does not verify
    // again, and would otherwise run a `payload` smuggled beside `ssl_check=1`). Only a body naming it is parsed for
    // it: every body is parsed again for its workspace and by Bolt, and the three full parses were 7% of a declare's
    // allocations. A key spelled with escapes (`ssl%5Fcheck`) is not taken for the check: it goes to the signature
    // check like any request.
    if (req.headers['content-type'] === FORM && body.includes(SSL_CHECK) && parse(body).ssl_check === '1') return sslCheckAnswer(res);
    const signature = header(req, 'x-slack-signature');
    const now = nowMs();
    const verdict = classifyRequest(opts.signingSecret, { body, signature, timestamp: header(req, 'x-slack-request-timestamp') }, now);
    if (!verdict.ok) return refuse(req, res, verdict.reason);
    if (!opts.workspace()) return refuse(req, res, 'not_ready');
    const foreign = foreignWorkspace(body, req.headers['content-type']);
    if (foreign) return refuse(req, res, 'foreign_workspace', foreign);
    const expiresAt = (verdict.timestampSeconds + WINDOW_SECONDS) * 1000;
    if (!seen.firstSighting(`${verdict.timestampSeconds}:${signature}`, expiresAt, now)) return refuse(req, res, 'replayed');
    return next(buffered, res);
  }

  /** What to log when the body names a workspace other than Warden's (ids only: they are not secrets); null when it is Warden's. */
  function foreignWorkspace(body: string, contentType: string | undefined): Record<string, unknown> | null {
    const claim = claimedWorkspace(body, contentType);
    const own = opts.workspace();
    if (claim === 'none' || (own && isOwnWorkspace(own, claim))) return null;
    return { team: claim.teamId, enterprise: claim.enterpriseId, expectedTeam: own?.teamId ?? null, expectedEnterprise: own?.enterpriseId ?? null };
  }

  function refuse(req: IncomingMessage, res: ServerResponse, reason: RefusalReason, detail: Record<string, unknown> = {}): void {
    opts.counters.slackRequestRefused(reason);
    // Never the signature, the body or a header value: what was refused, where, and from which peer.
    opts.logger.warn({ reason, path: pathOf(req), ip: req.socket.remoteAddress, ...detail }, MESSAGES[reason] ?? 'refused a Slack request');
    res.writeHead(STATUS[reason]);
    res.end();
  }

  return (req, res) => {
    // Bolt routes a POST however its method is cased: so must the check.
    if (req.method?.toUpperCase() !== 'POST' || !opts.endpoints.includes(pathOf(req))) return next(req, res);
    screen(req, res).catch((error: unknown) => unreadable(res, error));
  };
}

/** Slack's SSL check (`ssl_check=1`): answered as Bolt answers it, an empty 200. */
function sslCheckAnswer(res: ServerResponse): void {
  res.writeHead(200);
  res.end();
}

/** A body that could not be read: too large (413, as Bolt answers) or broken off (400). */
function unreadable(res: ServerResponse, error: unknown): void {
  if (res.headersSent) return;
  const tooLarge = HTTPModuleFunctions.isRawBodyError(error) && (error.type === 'entity.too.large' || error.statusCode === 413);
  res.writeHead(tooLarge ? 413 : 400);
  res.end();
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function pathOf(req: IncomingMessage): string {
  return new URL(req.url ?? '/', 'http://localhost').pathname;
}
