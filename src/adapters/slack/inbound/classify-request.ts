import { isValidSlackRequest } from '@slack/bolt';
import type { RefusalReason } from '../../../platform/http/counters.js';

/** Slack's window: a request timestamp more than five minutes from now, either way, is refused. */
export const WINDOW_SECONDS = 5 * 60;

export interface SignedRequest {
  body: string;
  /** `X-Slack-Signature` as received (absent, or repeated headers, count as missing). */
  signature: string | undefined;
  /** `X-Slack-Request-Timestamp` as received. */
  timestamp: string | undefined;
}

export type Verdict = { ok: true; timestampSeconds: number } | { ok: false; reason: Exclude<RefusalReason, 'replayed'> };

/**
 * Whether Slack signed this request, and whether it is inside the window. The HMAC is Bolt's own
 * (`isValidSlackRequest`), checked at the request's own time so that a genuine but old request reads as
 * `stale` rather than `forged`; the window is then checked both ways (Bolt 5.1 only refuses the past).
 */
export function classifyRequest(secret: string, request: SignedRequest, nowMs: number): Verdict {
  const { signature, timestamp, body } = request;
  if (!signature || !timestamp || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'forged' };
  const ts = Number(timestamp);
  const headers = { 'x-slack-signature': signature, 'x-slack-request-timestamp': ts };
  if (!isValidSlackRequest({ signingSecret: secret, body, headers, nowMilliseconds: ts * 1000 })) return { ok: false, reason: 'forged' };
  if (Math.abs(Math.floor(nowMs / 1000) - ts) > WINDOW_SECONDS) return { ok: false, reason: 'stale' };
  return { ok: true, timestampSeconds: ts };
}
