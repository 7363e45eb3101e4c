/**
 * Slack's per-method rate-limit tiers, enforced over sliding windows on the stand-in's clock. Slack counts
 * "per API method per app per workspace"; chat.postMessage is special: about one message per second per
 * channel, with short bursts allowed. A refused call answers HTTP 429 with `Retry-After` (whole seconds).
 *
 * The windows run on the stand-in's clock, the time the test models: posts a ManualClock puts an hour apart
 * are an hour apart, as they would be in production. A clock that stands still makes every call of a test
 * simultaneous; that is a burst, and Slack tolerates bursts, so each window allows a burst on top of the
 * tier's documented minimum (see BURST). Refused calls do not count, so a retry after Retry-After succeeds.
 */
import { perMinuteOf, POST_BURST_PER_SECOND } from '../../../../src/adapters/slack/method-tiers.js';
import { SlidingWindows, type WindowRule } from '../../../../src/platform/sliding-windows.js';

export { METHOD_TIERS, POST_BURST_PER_SECOND, type Tier } from '../../../../src/adapters/slack/method-tiers.js';

/**
 * The burst the stand-in tolerates on top of a tier's minimum within one window: half the minimum again
 * (at least one call). Slack documents bursts without numbers; this keeps a documented, testable figure.
 */
export const BURST_FACTOR = 0.5;

const MINUTE = 60_000;

/** The windows one call must fit, and the key it is counted under. */
export function rulesFor(method: string, channel: string | undefined): { key: string; rules: WindowRule[] } | undefined {
  const perMinute = perMinuteOf(method);
  if (perMinute === undefined) return undefined;
  if (method === 'chat.postMessage') {
    return {
      key: `${method}:${channel ?? ''}`,
      rules: [{ windowMs: 1000, max: POST_BURST_PER_SECOND }, { windowMs: MINUTE, max: 60 + POST_BURST_PER_SECOND }],
    };
  }
  return { key: method, rules: [{ windowMs: MINUTE, max: perMinute + Math.max(1, Math.ceil(perMinute * BURST_FACTOR)) }] };
}

/** Accepted calls per key, as instants (ms on the stand-in's clock). */
export class RateLimiter {
  private readonly windows = new SlidingWindows();

  /** Counts the call and answers undefined, or answers the Retry-After seconds and does not count it. */
  take(method: string, channel: string | undefined, nowMs: number): number | undefined {
    const limits = rulesFor(method, channel);
    if (!limits) return undefined;
    const waitMs = this.windows.take(limits.key, limits.rules, nowMs);
    return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : undefined;
  }

  clear(): void {
    this.windows.clear();
  }
}
