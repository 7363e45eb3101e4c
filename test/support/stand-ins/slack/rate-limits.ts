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

/** Tier of each supported method, from the "Rate Limits" fact on each method's page at docs.slack.dev. */
export const METHOD_TIERS: Readonly<Record<string, Tier>> = {
  'auth.test': 'special',
  'chat.delete': 3,
  'chat.getPermalink': 'special',
  'chat.postEphemeral': 4,
  'chat.postMessage': 'special',
  'chat.update': 3,
  'conversations.archive': 2,
  'conversations.create': 2,
  'conversations.history': 3,
  'conversations.info': 3,
  'conversations.invite': 3,
  'conversations.join': 3,
  'conversations.members': 4,
  'conversations.open': 3,
  'conversations.replies': 3,
  'conversations.setTopic': 2,
  'files.completeUploadExternal': 4,
  'files.getUploadURLExternal': 4,
  'files.info': 4,
  'pins.add': 2,
  'pins.remove': 2,
  'reactions.add': 3,
  'users.info': 4,
  'usergroups.users.list': 2,
  'users.lookupByEmail': 3,
  'views.open': 4,
  'views.publish': 4,
  'views.push': 4,
  'views.update': 4,
};

export type Tier = 1 | 2 | 3 | 4 | 'special';

/** Documented minimum calls per minute: "Tier 1: 1+ per minute" ... "Tier 4: 100+ per minute". */
export const TIER_PER_MINUTE: Readonly<Record<1 | 2 | 3 | 4, number>> = { 1: 1, 2: 20, 3: 50, 4: 100 };

/**
 * The burst the stand-in tolerates on top of a tier's minimum within one window: half the minimum again
 * (at least one call). Slack documents bursts without numbers; this keeps a documented, testable figure.
 */
export const BURST_FACTOR = 0.5;

/** chat.postMessage per channel: one a second on average, at most this many within any one second. */
export const POST_BURST_PER_SECOND = 10;

/** Special methods other than chat.postMessage (auth.test, chat.getPermalink) are treated as Tier 4. */
const SPECIAL_AS: 1 | 2 | 3 | 4 = 4;

interface Rule {
  windowMs: number;
  max: number;
}

const MINUTE = 60_000;

/** The windows one call must fit, and the key it is counted under. */
export function rulesFor(method: string, channel: string | undefined): { key: string; rules: Rule[] } | undefined {
  const tier = METHOD_TIERS[method];
  if (tier === undefined) return undefined;
  if (method === 'chat.postMessage') {
    return {
      key: `${method}:${channel ?? ''}`,
      rules: [{ windowMs: 1000, max: POST_BURST_PER_SECOND }, { windowMs: MINUTE, max: 60 + POST_BURST_PER_SECOND }],
    };
  }
  const perMinute = TIER_PER_MINUTE[tier === 'special' ? SPECIAL_AS : tier];
  return { key: method, rules: [{ windowMs: MINUTE, max: perMinute + Math.max(1, Math.ceil(perMinute * BURST_FACTOR)) }] };
}

/** Accepted calls per key, as instants (ms on the stand-in's clock). */
export class RateLimiter {
  private readonly accepted = new Map<string, number[]>();

  /** Counts the call and answers undefined, or answers the Retry-After seconds and does not count it. */
  take(method: string, channel: string | undefined, nowMs: number): number | undefined {
    const limits = rulesFor(method, channel);
    if (!limits) return undefined;
    const longest = Math.max(...limits.rules.map((r) => r.windowMs));
    const times = (this.accepted.get(limits.key) ?? []).filter((t) => t > nowMs - longest);
    let waitMs = 0;
    for (const rule of limits.rules) {
      const inWindow = times.filter((t) => t > nowMs - rule.windowMs);
      if (inWindow.length < rule.max) continue;
      // The call fits once enough of the oldest calls have left the window.
      const freeing = inWindow[inWindow.length - rule.max] ?? nowMs;
      waitMs = Math.max(waitMs, freeing + rule.windowMs - nowMs);
    }
    if (waitMs > 0) {
      this.accepted.set(limits.key, times);
      return Math.max(1, Math.ceil(waitMs / 1000));
    }
    times.push(nowMs);
    this.accepted.set(limits.key, times);
    return undefined;
  }

  clear(): void {
    this.accepted.clear();
  }
}
