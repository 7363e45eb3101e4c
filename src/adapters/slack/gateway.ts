import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';

export type { WebClient };
import { BrokenCircuitError, circuitBreaker, CircuitState, ConsecutiveBreaker, handleWhen } from 'cockatiel';
import type { FailureVerdict } from '../../platform/jobs/runner.js';

/** Slack errors that will not go away by retrying the same call. */
const PERMANENT = new Set([
  'invalid_blocks',
  'invalid_arguments',
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'missing_scope',
  'msg_too_long',
  'no_text',
  'user_not_found',
  'cant_invite_self',
  'invalid_name_specials',
  'invalid_name_maxlength',
  'message_not_found',
]);

interface SlackishError {
  code?: string;
  retryAfter?: number;
  data?: { error?: string };
}

/** A `.catch` that swallows the given Slack error codes (already pinned, message gone ...) and rethrows the rest. */
export const ignoreSlackError =
  (...codes: string[]) =>
  (error: unknown): void => {
    if (!codes.includes(slackErrorCode(error) ?? '')) throw error;
  };

export const slackErrorCode = (error: unknown): string | undefined => (error as SlackishError | null)?.data?.error;

/** True for failures worth retrying: rate limits, timeouts, 5xx and Slack's own transient errors. */
export function isTransientSlackError(error: unknown): boolean {
  const e = error as SlackishError;
  if (e?.code === 'slack_webapi_platform_error') return !PERMANENT.has(slackErrorCode(error) ?? '');
  return true;
}

/**
 * Wraps Slack Web API calls in a circuit breaker: after 5 transient failures in a row, calls stop for
 * 30 s instead of piling up against an outage; jobs are retried later by the durable scheduler.
 */
export function createSlackGateway(client: WebClient, halfOpenAfterMs = 30_000) {
  // A rate limit is Slack working as designed, not an outage: it delays the job, it does not trip the breaker.
  const tripsBreaker = (e: unknown) => isTransientSlackError(e) && (e as SlackishError)?.code !== 'slack_webapi_rate_limited_error';
  const breaker = circuitBreaker(handleWhen(tripsBreaker), { halfOpenAfter: halfOpenAfterMs, breaker: new ConsecutiveBreaker(5) });
  return {
    client,
    call: <T>(fn: (client: WebClient) => Promise<T>): Promise<T> => breaker.execute(() => fn(client)),
    /** A direct message to one person: opens (or finds) the DM with them, then posts; both calls behind the breaker. */
    async dm(userId: string, message: { text: string; blocks?: KnownBlock[] }): Promise<void> {
      const opened = await breaker.execute(() => client.conversations.open({ users: userId }));
      await breaker.execute(() => client.chat.postMessage({ channel: opened.channel?.id as string, ...message }));
    },
    /** 'closed' | 'open' | 'half-open' | 'isolated', for /readyz and /metrics. */
    state: (): string => ({ [CircuitState.Closed]: 'closed', [CircuitState.Open]: 'open', [CircuitState.HalfOpen]: 'half-open', [CircuitState.Isolated]: 'isolated' })[breaker.state],
    /** The scheduler's verdict for a failed Slack call: when to retry, or give up. */
    classify(error: unknown): FailureVerdict {
      const e = error as SlackishError;
      if (error instanceof BrokenCircuitError) return { retry: true, afterMs: halfOpenAfterMs };
      if (e?.code === 'slack_webapi_rate_limited_error') return { retry: true, afterMs: (e.retryAfter ?? 1) * 1000 };
      return isTransientSlackError(error) ? { retry: true } : { retry: false };
    },
  };
}

export type SlackGateway = ReturnType<typeof createSlackGateway>;
