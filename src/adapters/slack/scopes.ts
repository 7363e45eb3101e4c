/**
 * The bot scopes Warden needs, derived from what it does: each Web API method it calls and each event it
 * subscribes to. `manifest.yml` must ask for exactly these (a test checks both directions), so a new
 * call without its scope fails the build and no scope stays in the manifest after its last use.
 */
export const METHOD_SCOPES: Readonly<Record<string, string | null>> = {
  'chat.postMessage': 'chat:write',
  'chat.update': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'chat.delete': 'chat:write',
  'conversations.create': 'channels:manage',
  'conversations.invite': 'channels:manage',
  'conversations.setTopic': 'channels:manage',
  'conversations.history': 'channels:history',
  'conversations.replies': 'channels:history',
  'conversations.open': 'im:write',
  'pins.add': 'pins:write',
  'users.info': 'users:read',
  'usergroups.users.list': 'usergroups:read',
  'views.open': null,
  'views.update': null,
  'views.push': null,
  'views.publish': null,
  'auth.test': null,
};

export const EVENT_SCOPES: Readonly<Record<string, string | null>> = {
  pin_added: 'pins:read',
  reaction_added: 'reactions:read',
  subteam_members_changed: 'usergroups:read',
  app_home_opened: null,
};

/** Slash commands need the `commands` scope. */
export const COMMAND_SCOPE = 'commands';

export function requiredScopes(methods: Iterable<string> = Object.keys(METHOD_SCOPES)): string[] {
  const scopes = new Set<string>([COMMAND_SCOPE]);
  for (const m of methods) if (METHOD_SCOPES[m]) scopes.add(METHOD_SCOPES[m] as string);
  for (const s of Object.values(EVENT_SCOPES)) if (s) scopes.add(s);
  return [...scopes].sort();
}
