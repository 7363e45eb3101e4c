/** Events API payloads: the `event_callback` envelope, a few inner events, and the URL verification challenge. */
import { APP_ID, BOT_USER_ID, TEAM_ID } from '../identity.js';
import { VERIFICATION_TOKEN } from './slack-payloads.js';

export type SlackEvent = Record<string, unknown> & { type: string };

let eventCounter = 0;

const eventTs = (): string => `${(Date.now() / 1000).toFixed(6)}`;

/** Wraps an event the way the Events API delivers it to the app. */
export function eventCallback(event: SlackEvent, eventId?: string): Record<string, unknown> {
  eventCounter += 1;
  return {
    token: VERIFICATION_TOKEN,
    team_id: TEAM_ID,
    api_app_id: APP_ID,
    event: { event_ts: eventTs(), ...event },
    type: 'event_callback',
    event_id: eventId ?? `Ev0STANDIN${String(eventCounter).padStart(6, '0')}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      { enterprise_id: null, team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
    event_context: `4-stand-in-${eventCounter}`,
  };
}

export function reactionAddedEvent(e: {
  userId: string;
  reaction: string;
  channelId: string;
  messageTs: string;
  itemUser?: string;
}): SlackEvent {
  return {
    type: 'reaction_added',
    user: e.userId,
    reaction: e.reaction,
    item_user: e.itemUser ?? BOT_USER_ID,
    item: { type: 'message', channel: e.channelId, ts: e.messageTs },
  };
}

/** `text` is the message as Slack stores it, escaped (the `text` of a message `addUserMessage` seeded). */
export function pinAddedEvent(e: { userId: string; channelId: string; messageTs: string; text?: string }): SlackEvent {
  return {
    type: 'pin_added',
    user: e.userId,
    channel_id: e.channelId,
    item: {
      type: 'message',
      channel: e.channelId,
      created: Math.floor(Date.now() / 1000),
      created_by: e.userId,
      message: { type: 'message', ts: e.messageTs, text: e.text ?? '' },
    },
  };
}

/**
 * A person joined a channel the bot is in. `channel_type` is the id's first letter: `C` for every channel made
 * since March 2021, public or private (Slack says to ask conversations.info for the kind).
 */
export function memberJoinedChannelEvent(e: { userId: string; channelId: string; inviter?: string }): SlackEvent {
  return {
    type: 'member_joined_channel',
    user: e.userId,
    channel: e.channelId,
    channel_type: e.channelId.slice(0, 1),
    team: TEAM_ID,
    ...(e.inviter ? { inviter: e.inviter } : {}),
  };
}

export function memberLeftChannelEvent(e: { userId: string; channelId: string }): SlackEvent {
  return { type: 'member_left_channel', user: e.userId, channel: e.channelId, channel_type: e.channelId.slice(0, 1), team: TEAM_ID };
}

export function appHomeOpenedEvent(e: { userId: string; channelId?: string; tab?: 'home' | 'messages' }): SlackEvent {
  return { type: 'app_home_opened', user: e.userId, channel: e.channelId ?? 'D0HOME', tab: e.tab ?? 'home' };
}

export function urlVerificationBody(challenge: string): Record<string, unknown> {
  return { token: VERIFICATION_TOKEN, challenge, type: 'url_verification' };
}

/** `subteam_members_changed`, as Slack sends it: only the delta of the group's members, never a snapshot. */
export function subteamMembersChangedEvent(e: { subteamId: string; added?: string[]; removed?: string[]; at: Date }): SlackEvent {
  const seconds = Math.floor(e.at.getTime() / 1000);
  const added = e.added ?? [];
  const removed = e.removed ?? [];
  return {
    type: 'subteam_members_changed',
    subteam_id: e.subteamId,
    team_id: TEAM_ID,
    date_previous_update: seconds - 60,
    date_update: seconds,
    added_users: added,
    added_users_count: String(added.length),
    removed_users: removed,
    removed_users_count: String(removed.length),
  };
}
