/**
 * The fixed identities of the stand-in workspace. The signed-request helpers put the same ids into the payloads
 * they forge, so Bolt's "ignore my own events" check and team lookups agree with what `auth.test` answers.
 */
export const TEAM_ID = 'T0WARDEN';
export const TEAM_DOMAIN = 'warden-demo';
export const APP_ID = 'A0WARDEN';
export const BOT_ID = 'B0WARDEN';
export const BOT_USER_ID = 'U0WARDEN';
export const BOT_USER_NAME = 'warden';
export const DEFAULT_TOKEN = 'xoxb-fake-stand-in-token';

export interface StandInUser {
  name: string;
  tz: string;
  realName?: string;
  /** The profile email (`users.lookupByEmail`); Slack returns it only with users:read.email. */
  email?: string;
  /** A guest account: conversations.invite refuses it (`user_is_restricted`, or `ura_max_channels` for a single-channel guest already in one). */
  guest?: 'multi_channel' | 'single_channel';
}

/** People who exist in every stand-in workspace unless a test overrides them. */
export const DEFAULT_USERS: Readonly<Record<string, StandInUser>> = {
  UALICE: { name: 'alice', tz: 'Europe/London', realName: 'Alice Example' },
  UBOB: { name: 'bob', tz: 'America/New_York', realName: 'Bob Example' },
  UCAROL: { name: 'carol', tz: 'Asia/Tokyo', realName: 'Carol Example' },
};

let triggerCounter = 0;

/**
 * A trigger id shaped like Slack's (`digits.digits.hex`) that also names the user who caused it and when it
 * was minted, so the stand-in can tell whose modal `views.open` opened and whether the trigger has expired:
 * `1000001.UALICE.018c2e6f5a00` + 8 hex digits of salt. Mint it when the request that carries it is sent.
 */
export function makeTriggerId(userId: string, mintedAt: Date = new Date()): string {
  triggerCounter += 1;
  const salt = ((triggerCounter * 2654435761) >>> 0).toString(16).padStart(8, '0');
  const time = Math.max(0, mintedAt.getTime()).toString(16).padStart(12, '0');
  return `${1_000_000 + triggerCounter}.${userId}.${time}${salt}`;
}

/** The user a trigger id from `makeTriggerId` names, or undefined for any other trigger id. */
export function userOfTriggerId(triggerId: string): string | undefined {
  const match = /^\d+\.([A-Z0-9]+)\.[0-9a-f]+$/.exec(triggerId);
  return match?.[1];
}

/** When a trigger id from `makeTriggerId` was minted, or undefined for any other trigger id. */
export function triggerMintedAt(triggerId: string): Date | undefined {
  const match = /^\d+\.[A-Z0-9]+\.([0-9a-f]{12})[0-9a-f]{8}$/.exec(triggerId);
  return match?.[1] === undefined ? undefined : new Date(parseInt(match[1], 16));
}

/** True when `tz` is an IANA zone this runtime knows. */
export function isKnownTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
