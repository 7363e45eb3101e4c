import type { KnownBlock } from '@slack/types';
import type { ChatPostMessageArguments, WebClient } from '@slack/web-api';

export type { WebClient };
import { BrokenCircuitError, circuitBreaker, CircuitState, ConsecutiveBreaker, handleWhen } from 'cockatiel';
import type { FailureVerdict } from '../../platform/jobs/runner.js';
import { isWardenError, WardenError } from '../../platform/errors.js';
import { createSlackPacer, guardedClient, PacedError } from './pacer.js';
import { currentJob } from '../../platform/jobs/job-context.js';
import { deliveryTag, findDelivered } from './delivery.js';

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

/** Slack's own errors that mean Slack is failing, not the request: they count toward the circuit breaker. */
const OUTAGE_ERRORS = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

interface SlackishError {
  code?: string;
  retryAfter?: number;
  statusCode?: number;
  data?: { error?: string };
}

/** A `.catch` that swallows the given Slack error codes (already pinned, message gone ...) and rethrows the rest. */
export const ignoreSlackError =
  (...codes: string[]) =>
  (error: unknown): void => {
    if (!codes.includes(slackErrorCode(error) ?? '')) throw error;
  };

export const slackErrorCode = (error: unknown): string | undefined => (error as SlackishError | null)?.data?.error;

/**
 * True when the failure says Slack (or the way to it) is down: a network error or timeout, an HTTP 5xx, or Slack's
 * own internal error. A rate limit, a taken name or a refused invite is about one request: it never opens the circuit.
 */
export function isSlackOutage(error: unknown): boolean {
  const e = error as SlackishError | null;
  switch (e?.code) {
    case 'slack_webapi_request_error':
      return true;
    case 'slack_webapi_http_error':
      return (e.statusCode ?? 0) >= 500;
    case 'slack_webapi_platform_error':
      return OUTAGE_ERRORS.has(slackErrorCode(error) ?? '');
    default:
      return false;
  }
}

const isRateLimited = (error: unknown) => (error as SlackishError | null)?.code === 'slack_webapi_rate_limited_error';
const channelOf = (args: Record<string, unknown> | undefined) => (typeof args?.channel === 'string' ? args.channel : undefined);

export interface SlackGatewayOptions {
  /** The clock the pacing runs on (the injected Clock's milliseconds). */
  nowMs?: () => number;
  halfOpenAfterMs?: number;
  /** Where a post goes last when none of its own channels can be reached (the announcements channel). */
  fallbackChannel?: string | null;
  /** Told of each channel a post could not reach and passed over, by job kind and Slack's reason. */
  onRerouted?: (kind: string, reason: string) => void;
}

/**
 * A post for an incident whose channel is still being set up (a Tier 2 create paced behind others): it waits for
 * the channel without spending an attempt, so a slow set-up never drops the updates queued behind it.
 */
export function channelNotReady(incidentId: string): WardenError {
  return new WardenError('conflict', `${incidentId} has no channel yet`, { waitsFor: 'channel' });
}

const CHANNEL_WAIT_MS = 5_000;

/** Slack's answers for a channel Warden cannot post in; a person fixes them (invite the bot, fix the config). */
export const UNREACHABLE_CHANNEL = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);

type Post = { text: string; blocks?: KnownBlock[] };

/** The post, headed by why it is here and not where it was meant to go. */
function rerouted(message: Post, missed: readonly { channel: string; reason: string }[]): Post {
  const where = missed.map((m) => `${/^[CG][A-Z0-9]+$/.test(m.channel) ? `<#${m.channel}>` : `\`${m.channel}\``} (${m.reason})`).join(', ');
  const note = `:warning: Meant for ${where}: invite @warden there, or fix the channel in warden.yaml.`;
  const head: KnownBlock = { type: 'context', elements: [{ type: 'mrkdwn', text: note }] };
  // A post of text alone is shown by its blocks once it has a head: its text becomes a section.
  const body: KnownBlock[] = message.blocks ?? [{ type: 'section', text: { type: 'mrkdwn', text: message.text.slice(0, 3000) } }];
  return { text: `${note}\n${message.text}`, blocks: [head, ...body].slice(0, 50) };
}

/**
 * Every Web API call a job makes: paced per method to Slack's tiers (a call over the limit waits in the durable
 * queue instead of earning a 429), and behind a circuit breaker that opens after 5 outage failures in a row for
 * 30 s, so calls stop piling up against an outage. Request-specific errors never touch the breaker.
 */
export function createSlackGateway(client: WebClient, opts: SlackGatewayOptions = {}) {
  const halfOpenAfterMs = opts.halfOpenAfterMs ?? 30_000;
  const breaker = circuitBreaker(handleWhen(isSlackOutage), { halfOpenAfter: halfOpenAfterMs, breaker: new ConsecutiveBreaker(5) });
  const pacer = createSlackPacer(opts.nowMs ?? Date.now);
  const paced: WebClient = guardedClient(client, async (method, args, send) => {
    const job = method === 'chat.postMessage' ? currentJob() : undefined;
    let sent = args;
    if (job && args) {
      // Each post of a job carries its name, so a run after a crash or a lost answer finds it instead of posting twice.
      const n = job.posts++;
      if (job.sentBefore) {
        const found = await findDelivered(paced, args as unknown as ChatPostMessageArguments, job.jobId, n, job.sentBefore);
        if (found) return found;
      }
      sent = { ...args, metadata: deliveryTag(job.jobId, n) };
    }
    const channel = channelOf(args);
    const holder = currentJob()?.jobId;
    const waitMs = pacer.take(method, channel, holder === undefined ? undefined : String(holder));
    if (waitMs > 0) throw new PacedError(method, waitMs);
    if (sent !== args) job?.markSending();
    // A channel, like a post, may have been made by a run whose answer was lost: the resumed run looks for it.
    if (method === 'conversations.create') currentJob()?.markSending();
    return send(sent).catch((error: unknown) => {
      if (isRateLimited(error)) pacer.hold(method, channel, (error as SlackishError).retryAfter ?? 1);
      throw error;
    });
  });
  const call = <T>(fn: (client: WebClient) => Promise<T>): Promise<T> => breaker.execute(() => fn(paced));
  return {
    client,
    call,
    /** A direct message to one person: opens (or finds) the DM with them, then posts; both calls paced and behind the breaker. */
    async dm(userId: string, message: { text: string; blocks?: KnownBlock[] }): Promise<void> {
      const opened = await call((c) => c.conversations.open({ users: userId }));
      await call((c) => c.chat.postMessage({ channel: opened.channel?.id as string, ...message }));
    },
    /**
     * Posts to the first of `targets` (then the fallback channel) that Slack lets Warden post in, so an escalation
     * is never lost to a channel the bot was not invited to or that was archived: the post says where it was meant
     * to go and why it is here, and each channel passed over is counted. Throws the last refusal when none can be reached.
     */
    async postReaching(targets: readonly (string | null | undefined)[], message: Post): Promise<{ channel: string; ts?: string }> {
      const channels = [...new Set([...targets, opts.fallbackChannel].filter((c): c is string => Boolean(c)))];
      const missed: { channel: string; reason: string }[] = [];
      let last: unknown = new Error('no channel to post in');
      for (const channel of channels) {
        try {
          const posted = await call((c) => c.chat.postMessage({ channel, ...(missed.length > 0 ? rerouted(message, missed) : message) }));
          return { channel: posted.channel ?? channel, ...(posted.ts ? { ts: posted.ts } : {}) };
        } catch (error) {
          const reason = slackErrorCode(error);
          if (!reason || !UNREACHABLE_CHANNEL.has(reason)) throw error;
          missed.push({ channel, reason });
          opts.onRerouted?.(currentJob()?.kind ?? 'unknown', reason);
          last = error;
        }
      }
      throw last;
    },
    /**
     * How long job `jobId`'s first call of `method` must wait for its tier (0: it could go now, nothing counted), the
     * slot kept for the job as a paced call keeps it: a job asks before its run does any work (see JobDefinition.paced).
     */
    waitFor: (method: string, jobId: number): number => pacer.wait(method, undefined, String(jobId)),
    /** 'closed' | 'open' | 'half-open' | 'isolated', for /readyz and /metrics. */
    state: (): string => ({ [CircuitState.Closed]: 'closed', [CircuitState.Open]: 'open', [CircuitState.HalfOpen]: 'half-open', [CircuitState.Isolated]: 'isolated' })[breaker.state],
    /**
     * The scheduler's verdict for a failed Slack call. Waiting for a tier, a Retry-After or an open circuit spends no
     * attempt (the message is never dropped for it); an outage retries with backoff; a permanent error gives up.
     */
    classify(error: unknown): FailureVerdict {
      // A paced channel creation, or waiting for the channel: the incident's later jobs would wait the same way, so
      // they wait behind it. Any other paced call holds nothing: its method's later calls are handed later slots
      // anyway (per channel for chat.postMessage), and a notice paced on another channel (the announcements', or
      // conversations.history's tier) must not hold the incident channel's posts.
      if (error instanceof PacedError) return { retry: true, afterMs: error.waitMs, spendsAttempt: false, holdsLane: error.method === 'conversations.create' };
      if (error instanceof BrokenCircuitError) return { retry: true, afterMs: halfOpenAfterMs, spendsAttempt: false };
      if (isRateLimited(error)) return { retry: true, afterMs: ((error as SlackishError).retryAfter ?? 1) * 1000, spendsAttempt: false };
      if (isWardenError(error) && error.details.waitsFor === 'channel') return { retry: true, afterMs: CHANNEL_WAIT_MS, spendsAttempt: false, holdsLane: true };
      const code = slackErrorCode(error);
      return code && PERMANENT.has(code) ? { retry: false } : { retry: true };
    },
  };
}

export type SlackGateway = ReturnType<typeof createSlackGateway>;
