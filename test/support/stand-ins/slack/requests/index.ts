// Signed requests as Slack sends them: used by the tests and by `warden demo`.
/**
 * Sends requests into a running Warden app the way Slack does: signed with the app's signing secret
 * (`v0=hex(hmac_sha256(secret, "v0:" + ts + ":" + body))`), form-encoded for commands and interactivity,
 * JSON for events. Options forge retries, stale timestamps and bad signatures.
 */
import { createHmac } from 'node:crypto';
import { eventCallback, urlVerificationBody, type SlackEvent } from './slack-events.js';
import {
  blockActionPayload, slashCommandFields, viewSubmissionPayload, type BlockAction, type SlashCommand, type ViewSubmission,
} from './slack-payloads.js';

export * from './slack-events.js';
export * from './slack-payloads.js';

export interface SendOptions {
  /** `X-Slack-Retry-Num`: Slack's redelivery of something it saw no ack for. */
  retryNum?: number;
  /** `X-Slack-Retry-Reason`; `http_timeout` by default when retryNum is set. */
  retryReason?: string;
  /** Request timestamp in seconds; now by default. */
  tsSeconds?: number;
  /** Replaces the computed `X-Slack-Signature` (to forge one). */
  signature?: string;
}

export interface SlackReply {
  status: number;
  /** Parsed JSON when the app answered JSON, else the text (often empty). */
  body: unknown;
  elapsedMs: number;
}

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** Bolt rejects timestamps more than five minutes old; this one is six. */
export const staleTimestamp = (now = nowSeconds()): number => now - 6 * 60;

/** Well-formed but wrong: what a forger without the secret would send. */
export const forgedSignature = (): string => `v0=${'0'.repeat(64)}`;

export function signature(secret: string, body: string, tsSeconds: number): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${tsSeconds}:${body}`).digest('hex')}`;
}

export function signedHeaders(secret: string, body: string, tsSeconds = nowSeconds()): Record<string, string> {
  return {
    'X-Slack-Request-Timestamp': String(tsSeconds),
    'X-Slack-Signature': signature(secret, body, tsSeconds),
  };
}

/** `http://127.0.0.1:PORT` or a full URL; a bare origin gets Bolt's default `/slack/events` path. */
export function eventsEndpoint(appUrl: string): string {
  const url = new URL(appUrl);
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/slack/events';
  return url.toString();
}

/** POSTs a signed body and reports status, parsed body and how long the app took to answer. */
export async function postSigned(
  appUrl: string,
  secret: string,
  body: string,
  contentType: string,
  opts: SendOptions = {},
): Promise<SlackReply> {
  const headers: Record<string, string> = { 'Content-Type': contentType, ...signedHeaders(secret, body, opts.tsSeconds) };
  if (opts.signature !== undefined) headers['X-Slack-Signature'] = opts.signature;
  if (opts.retryNum !== undefined) {
    headers['X-Slack-Retry-Num'] = String(opts.retryNum);
    headers['X-Slack-Retry-Reason'] = opts.retryReason ?? 'http_timeout';
  }
  const started = performance.now();
  const response = await fetch(eventsEndpoint(appUrl), { method: 'POST', headers, body });
  const text = await response.text();
  const elapsedMs = performance.now() - started;
  const isJson = (response.headers.get('content-type') ?? '').includes('application/json');
  return { status: response.status, body: isJson && text !== '' ? (JSON.parse(text) as unknown) : text, elapsedMs };
}

export function sendSlashCommand(appUrl: string, secret: string, command: SlashCommand, opts?: SendOptions) {
  const body = new URLSearchParams(slashCommandFields(command)).toString();
  return postSigned(appUrl, secret, body, FORM, opts);
}

function sendInteraction(appUrl: string, secret: string, payload: unknown, opts?: SendOptions) {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return postSigned(appUrl, secret, body, FORM, opts);
}

export function sendBlockAction(appUrl: string, secret: string, action: BlockAction, opts?: SendOptions) {
  return sendInteraction(appUrl, secret, blockActionPayload(action), opts);
}

export function sendViewSubmission(appUrl: string, secret: string, submission: ViewSubmission, opts?: SendOptions) {
  return sendInteraction(appUrl, secret, viewSubmissionPayload(submission), opts);
}

export function sendEvent(
  appUrl: string,
  secret: string,
  event: SlackEvent,
  opts: SendOptions & { eventId?: string } = {},
) {
  return postSigned(appUrl, secret, JSON.stringify(eventCallback(event, opts.eventId)), JSON_TYPE, opts);
}

export function sendUrlVerification(appUrl: string, secret: string, challenge: string, opts?: SendOptions) {
  return postSigned(appUrl, secret, JSON.stringify(urlVerificationBody(challenge)), JSON_TYPE, opts);
}
