/**
 * The bot scopes Warden needs, derived from what it does: each Web API method it calls and each event it
 * subscribes to. `manifest.yml` must ask for exactly these (a test checks both directions), so a new
 * call without its scope fails the build and no scope stays in the manifest after its last use.
 */

/** The kinds of channel Warden works in: public incident channels, and private ones for private incidents. */
export const CHANNEL_KINDS = ['public', 'private'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** A scope per kind of channel: Slack asks `channels:*` for public channels and `groups:*` for private ones. */
export type PerChannelKind = Readonly<Record<ChannelKind, string>>;
export type ScopeNeed = string | PerChannelKind | null;

const manage: PerChannelKind = { public: 'channels:manage', private: 'groups:write' };
const history: PerChannelKind = { public: 'channels:history', private: 'groups:history' };

export const METHOD_SCOPES: Readonly<Record<string, ScopeNeed>> = {
  'chat.postMessage': 'chat:write',
  'chat.update': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'chat.delete': 'chat:write',
  'conversations.create': manage,
  'conversations.invite': manage,
  'conversations.setTopic': manage,
  'conversations.history': history,
  'conversations.replies': history,
  'conversations.open': 'im:write',
  // `/warden digest` asks the name of the channel it was typed in (a digest's channel may be configured by name).
  'conversations.info': { public: 'channels:read', private: 'groups:read' },
  // A set-up resumed after a lost answer finds the channel its earlier run created, instead of making a second.
  'conversations.list': { public: 'channels:read', private: 'groups:read' },
  'pins.add': 'pins:write',
  // WebClient's filesUploadV2 helper calls these two (and POSTs the bytes to the upload_url in between).
  'files.getUploadURLExternal': 'files:write',
  'files.completeUploadExternal': 'files:write',
  // `/patch import <link>` reads a scanner report shared in a channel the bot is in, then downloads it with the bot token.
  'files.info': 'files:read',
  'users.info': 'users:read',
  'users.lookupByEmail': 'users:read.email',
  'usergroups.users.list': 'usergroups:read',
  'views.open': null,
  'views.update': null,
  'views.push': null,
  'views.publish': null,
  'auth.test': null,
};

export const EVENT_SCOPES: Readonly<Record<string, ScopeNeed>> = {
  pin_added: 'pins:read',
  reaction_added: 'reactions:read',
  subteam_members_changed: 'usergroups:read',
  app_home_opened: null,
  // Slack delivers these for public channels with channels:read and for private ones with groups:read.
  member_joined_channel: { public: 'channels:read', private: 'groups:read' },
  member_left_channel: { public: 'channels:read', private: 'groups:read' },
};

/** Web API helpers of WebClient that call several methods: `filesUploadV2` is the files upload flow. */
export const HELPER_METHODS: Readonly<Record<string, readonly string[]>> = {
  filesUploadV2: ['files.getUploadURLExternal', 'files.completeUploadExternal'],
};

/** Slash commands need the `commands` scope. */
export const COMMAND_SCOPE = 'commands';

/**
 * Scopes no single method call maps to. `im:history`: a DM (a reminder, a role hand-over) whose answer was lost is
 * looked for in the bot's own DM with that person before it is sent again (src/adapters/slack/delivery.ts); it
 * reads only conversations the bot is in.
 */
export const EXTRA_SCOPES: Readonly<Record<string, string>> = {
  'im:history': 'find a DM whose answer was lost before sending it again',
};

/** The scopes one need asks for, in the channel kinds Warden works in. */
function scopesOf(need: ScopeNeed | undefined, kinds: readonly ChannelKind[]): string[] {
  if (!need) return [];
  return typeof need === 'string' ? [need] : kinds.map((k) => need[k]);
}

export function requiredScopes(methods: Iterable<string> = Object.keys(METHOD_SCOPES), kinds: readonly ChannelKind[] = CHANNEL_KINDS): string[] {
  const scopes = new Set<string>([COMMAND_SCOPE, ...Object.keys(EXTRA_SCOPES)]);
  for (const m of methods) for (const s of scopesOf(METHOD_SCOPES[m], kinds)) scopes.add(s);
  for (const need of Object.values(EVENT_SCOPES)) for (const s of scopesOf(need, kinds)) scopes.add(s);
  return [...scopes].sort();
}
