/**
 * What a PagerDuty answer or a network error means for the job runner: rate limited, unavailable (an
 * outage: retried, trips the circuit), or rejected (retrying the same call will not help).
 */
import { isPagerDutyError, type PagerDutyFailure } from '../../features/paging/index.js';
import type { FailureVerdict } from '../../platform/jobs/define-job.js';
import { redactSecrets } from '../../platform/redact.js';

const DEFAULT_RETRY_AFTER_MS = 1000;

/** `Retry-After` in seconds (or an HTTP date) as milliseconds; 1 s when absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined, now = Date.now()): number {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return DEFAULT_RETRY_AFTER_MS;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? DEFAULT_RETRY_AFTER_MS : Math.max(0, at - now);
}

/** Null for a 2xx; otherwise the failure, its detail stripped of any secret PagerDuty might echo. */
export function failureOfStatus(status: number, body: unknown, secrets: readonly string[]): PagerDutyFailure | null {
  if (status >= 200 && status < 300) return null;
  if (status === 429) return { kind: 'rate_limited', retryAfterMs: DEFAULT_RETRY_AFTER_MS };
  if (status >= 500) return { kind: 'unavailable', detail: `HTTP ${status}` };
  const message = messageOf(body);
  return { kind: 'rejected', status, detail: redactSecrets(`HTTP ${status}${message ? `: ${message}` : ''}`, secrets) };
}

// Events API: {status, message, errors[]}; REST API: {error: {message, code, errors[]}}.
function messageOf(body: unknown): string {
  const b = (body ?? {}) as { message?: unknown; errors?: unknown; error?: { message?: unknown; errors?: unknown } };
  const source = typeof b.error === 'object' && b.error !== null ? b.error : b;
  const errors = Array.isArray(source.errors) ? source.errors.filter((e) => typeof e === 'string') : [];
  const message = typeof source.message === 'string' ? source.message : '';
  return [message, errors.join('; ')].filter((part) => part !== '').join(': ').slice(0, 500);
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL/;

/** A request that got no usable answer: refused, reset, DNS, TLS. Only the error code is kept, never a URL. */
export function failureOfError(error: unknown): PagerDutyFailure {
  const code = (error as { code?: unknown; errno?: unknown } | null)?.code;
  const name = typeof code === 'string' ? code : 'network error';
  if (TLS_CODES.test(name)) {
    return { kind: 'unavailable', detail: `TLS verification failed (${name}): trust the server's CA with PAGERDUTY_CA_FILE` };
  }
  return { kind: 'unavailable', detail: `no answer (${name})` };
}

/** The runner's verdict for a failed PagerDuty job: wait out a rate limit or an open circuit, give up on a refusal. */
export function classifyPagerDutyFailure(error: unknown): FailureVerdict {
  if (!isPagerDutyError(error)) return { retry: true };
  const failure = error.failure;
  switch (failure.kind) {
    case 'rate_limited':
    case 'circuit_open':
      return { retry: true, afterMs: failure.retryAfterMs };
    case 'unavailable':
      // Pages queued during an outage retry spread out, not all at once when PagerDuty comes back.
      return { retry: true, jitter: true };
    case 'rejected':
      return { retry: false };
  }
}
