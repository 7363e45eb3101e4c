/**
 * Slack's Web API rate-limit tiers, from the "Rate Limits" fact on each method's page at docs.slack.dev. Slack
 * counts "per API method per app per workspace"; chat.postMessage is special: about one message per second per
 * channel, short bursts allowed. Warden paces its own calls to these figures; the Slack stand-in enforces them.
 */
export type Tier = 1 | 2 | 3 | 4 | 'special';

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
  'conversations.list': 2,
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

/** Documented minimum calls per minute: "Tier 1: 1+ per minute" ... "Tier 4: 100+ per minute". */
export const TIER_PER_MINUTE: Readonly<Record<1 | 2 | 3 | 4, number>> = { 1: 1, 2: 20, 3: 50, 4: 100 };

/** Special methods other than chat.postMessage (auth.test, chat.getPermalink) are treated as Tier 4. */
export const SPECIAL_AS: 1 | 2 | 3 | 4 = 4;

/** chat.postMessage per channel: one a second on average ("short bursts allowed"): at most this many within any one second. */
export const POST_BURST_PER_SECOND = 10;

/** Calls per minute the tier guarantees for `method`, or undefined for a method without a known tier. */
export function perMinuteOf(method: string): number | undefined {
  const tier = METHOD_TIERS[method];
  if (tier === undefined) return undefined;
  return TIER_PER_MINUTE[tier === 'special' ? SPECIAL_AS : tier];
}
