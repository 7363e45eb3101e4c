/**
 * POST /v2/enqueue as PagerDuty answers it: 202 with the dedup key, or 400 "invalid event" listing what is
 * wrong. A summary over 1,024 characters is truncated, not refused (as PagerDuty does).
 */
import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from './types.js';

export const SUMMARY_MAX = 1024;
export const DEDUP_KEY_MAX = 255;
const ACTIONS = ['trigger', 'acknowledge', 'resolve'] as const;
const SEVERITIES = ['critical', 'error', 'warning', 'info'];

export interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

type Body = Record<string, unknown>;
const text = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

export function enqueue(body: unknown, routingKeys: string[] | undefined, at: Date): { answer: Answer; event?: RecordedEvent } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return invalid(['Event object is not a JSON object']);
  const b = body as Body;
  const errors = problems(b, routingKeys);
  if (errors.length > 0) return invalid(errors);
  const action = b.event_action as RecordedEvent['action'];
  const dedupKey = text(b.dedup_key) ? b.dedup_key : randomUUID().replace(/-/g, '');
  const summary = (b.payload as Body | undefined)?.summary;
  const event: RecordedEvent = {
    at: at.toISOString(),
    routingKey: String(b.routing_key),
    action,
    dedupKey,
    body: structuredClone(b),
    storedSummary: typeof summary === 'string' ? summary.slice(0, SUMMARY_MAX) : null,
  };
  return { answer: { status: 202, body: { status: 'success', message: 'Event processed', dedup_key: dedupKey } }, event };
}

function problems(b: Body, routingKeys: string[] | undefined): string[] {
  const errors: string[] = [];
  const key = b.routing_key;
  if (!text(key)) errors.push("'routing_key' is missing or blank");
  else if (key.length !== 32 || (routingKeys && !routingKeys.includes(key))) errors.push('Invalid routing key');
  if (!(ACTIONS as readonly unknown[]).includes(b.event_action)) {
    errors.push("'event_action' is invalid (must be one of the following: 'trigger', 'acknowledge' or 'resolve')");
  }
  if (b.dedup_key !== undefined && (typeof b.dedup_key !== 'string' || b.dedup_key.length > DEDUP_KEY_MAX)) {
    errors.push(`'dedup_key' is invalid or longer than ${DEDUP_KEY_MAX} characters`);
  }
  if (b.event_action === 'trigger') errors.push(...payloadProblems(b.payload));
  else if ((b.event_action === 'acknowledge' || b.event_action === 'resolve') && !text(b.dedup_key)) errors.push("'dedup_key' is missing or blank");
  return errors;
}

function payloadProblems(payload: unknown): string[] {
  if (typeof payload !== 'object' || payload === null) return ["'payload' is missing or blank"];
  const p = payload as Body;
  const errors: string[] = [];
  if (!text(p.summary)) errors.push("'payload.summary' is missing or blank");
  if (!text(p.source)) errors.push("'payload.source' is missing or blank");
  if (!SEVERITIES.includes(p.severity as string)) errors.push("'payload.severity' is invalid (must be one of: critical, error, warning, info)");
  if (p.custom_details !== undefined && (typeof p.custom_details !== 'object' || p.custom_details === null)) {
    errors.push("'payload.custom_details' must be an object");
  }
  return errors;
}

const invalid = (errors: string[]): { answer: Answer } => ({
  answer: { status: 400, body: { status: 'invalid event', message: 'Event object is invalid', errors } },
});
