/** What Slack refuses before a method runs: unknown methods, missing or wrong tokens, faults, rate limits. */
import type { Clock } from '../../../../src/platform/clock.js';
import type { SlackFaults } from './faults.js';
import { fail } from './method-kit.js';
import { isSupportedMethod } from './methods.js';
import type { RateLimiter } from './rate-limits.js';
import type { HttpAnswer } from './response-url.js';

export type Answer = HttpAnswer & { headers?: Record<string, string> };

export interface Gate {
  token: string;
  faults: SlackFaults;
  limiter: RateLimiter | null;
  clock: Clock;
}

export function rateLimited(retryAfterSeconds: number): Answer {
  return { status: 429, body: fail('ratelimited'), headers: { 'retry-after': String(retryAfterSeconds) } };
}

/** The refusal Slack would answer before running `method`, or undefined when the call may run. */
export function refuseCall(gate: Gate, method: string, token: string | undefined, args: Record<string, unknown>): Answer | undefined {
  if (!isSupportedMethod(method)) return { status: 200, body: fail('unknown_method') };
  if (token === undefined) return { status: 200, body: fail('not_authed') };
  if (token !== gate.token) return { status: 200, body: fail('invalid_auth') };
  const fault = gate.faults.take(method);
  if (fault?.kind === 'rate_limit') return rateLimited(fault.retryAfterSeconds);
  if (fault) return { status: 200, body: fail(fault.error) };
  // chat.postMessage is limited per channel, everything else per method.
  const channel = typeof args.channel === 'string' ? args.channel : undefined;
  const retryAfter = gate.limiter?.take(method, channel, gate.clock.now().getTime());
  return retryAfter === undefined ? undefined : rateLimited(retryAfter);
}
