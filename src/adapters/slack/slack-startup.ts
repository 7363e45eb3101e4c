/**
 * Reaching Slack at start-up: the token is checked (auth.test) before the job runner sends anything, and a
 * revoked token or an unreachable Slack is retried with backoff while `/readyz` answers 503 and names the cause.
 * Never a crash loop, never a stack trace, never the token.
 */
import { ExponentialBackoff, handleAll, retry, TaskCancelledError } from 'cockatiel';
import type { Logger } from 'pino';
import { slackErrorCode } from './gateway.js';

/** Slack's answers that mean the token itself is no good: only a person can fix these. */
const TOKEN_ERRORS: Readonly<Record<string, string>> = {
  invalid_auth: 'the bot token is not valid',
  not_authed: 'no bot token was sent',
  token_revoked: 'the bot token was revoked',
  token_expired: 'the bot token expired',
  account_inactive: 'the bot token belongs to a deleted user or a workspace that was deactivated',
  missing_scope: 'the bot token lacks a scope',
};

interface SlackishError {
  code?: string;
  statusCode?: number;
  original?: { code?: string; message?: string; cause?: { code?: string } };
  message?: string;
}

/** Why a start-up call to Slack failed, in words an operator can act on (never the token or a stack). */
export function describeSlackFailure(error: unknown, apiUrl: string): string {
  const e = error as SlackishError | null;
  const code = slackErrorCode(error);
  switch (e?.code) {
    case 'slack_webapi_platform_error': {
      const known = code ? TOKEN_ERRORS[code] : undefined;
      return known ? `Slack refused the bot token (${code}): ${known}; reinstall the app or set SLACK_BOT_TOKEN to a valid token` : `Slack answered ${code ?? 'an error'}`;
    }
    case 'slack_webapi_request_error':
      return `Slack is unreachable at ${apiUrl}: ${e.original?.code ?? e.original?.cause?.code ?? e.original?.message ?? 'no answer'}`;
    case 'slack_webapi_http_error':
      return `Slack answered HTTP ${e.statusCode ?? '?'} at ${apiUrl}`;
    case 'slack_webapi_rate_limited_error':
      return 'Slack rate-limited the start-up check';
    default:
      return error instanceof StartupRefusal ? error.message : `reaching Slack failed: ${e?.message ?? String(error)}`;
  }
}

/** A start-up answer that reached Slack but cannot be served (another workspace's token ...): its message says why. */
export class StartupRefusal extends Error {}

export interface SlackStartupOptions {
  logger: Logger;
  apiUrl: string;
  /** First and longest wait between attempts (defaults: 1 s, 5 min). */
  initialDelayMs?: number;
  maxDelayMs?: number;
}

export interface SlackStartup {
  /** `connecting`, `connected`, or the last failure's cause: what `/readyz` shows. */
  state(): string;
  /**
   * Runs `connect` until it succeeds or `stop` is called; resolves true once connected, false when stopped first.
   * `firstTry` resolves after the first attempt either way, so a caller can go on serving health probes meanwhile.
   */
  run(connect: () => Promise<void>): { firstTry: Promise<void>; connected: Promise<boolean> };
  stop(): void;
}

export function createSlackStartup(opts: SlackStartupOptions): SlackStartup {
  let state = 'connecting';
  const abort = new AbortController();
  const backoff = new ExponentialBackoff({ initialDelay: opts.initialDelayMs ?? 1_000, maxDelay: opts.maxDelayMs ?? 5 * 60_000 });
  const policy = retry(handleAll, { maxAttempts: Number.POSITIVE_INFINITY, backoff });
  let attempts = 0;
  policy.onRetry(({ delay }) => opts.logger.warn({ attempt: attempts, retryInMs: Math.round(delay), cause: state }, 'Slack is not reachable yet: Warden keeps trying, /readyz answers 503 meanwhile'));
  return {
    state: () => state,
    run(connect) {
      let tried: () => void = () => undefined;
      const firstTry = new Promise<void>((resolve) => (tried = resolve));
      const connected = policy
        .execute(async () => {
          attempts++;
          try {
            await connect();
            state = 'connected';
          } catch (error) {
            state = describeSlackFailure(error, opts.apiUrl);
            throw error;
          } finally {
            tried();
          }
        }, abort.signal)
        .then(
          () => true,
          (error: unknown) => {
            if (error instanceof TaskCancelledError || abort.signal.aborted) return false;
            throw error;
          },
        );
      return { firstTry, connected };
    },
    stop: () => abort.abort(),
  };
}
