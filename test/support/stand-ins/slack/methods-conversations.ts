/** conversations.* methods: create, info, join, invite, setTopic, archive, open, members, list. */
import { z } from 'zod';
import { BOT_USER_ID } from './identity.js';
import {
  fail, flag, memberChannel, ok, parseArgs, stringish, visibleChannel, wireChannel, writableChannel, type MethodHandler,
} from './method-kit.js';
import type { StandInState } from './state.js';
import type { SlackResult, StandInChannel } from './types.js';

export const CHANNEL_NAME_MAX = 80;
export const TOPIC_MAX = 250;
/** conversations.invite takes up to 1000 users. */
export const INVITE_MAX = 1000;

/** Slack's channel-name rules: the error code conversations.create answers, or undefined when the name is fine. */
export function channelNameError(name: string): string | undefined {
  if (name.length === 0) return 'invalid_name_required';
  if (name.length > CHANNEL_NAME_MAX) return 'invalid_name_maxlength';
  if (!/^[a-z0-9_-]+$/.test(name)) return 'invalid_name_specials';
  if (/^[-_]+$/.test(name)) return 'invalid_name_punctuation';
  return undefined;
}

const CreateArgs = z.object({ name: z.string().optional(), is_private: flag.optional() });

const create: MethodHandler = ({ state }, args) => {
  const parsed = parseArgs(CreateArgs, args);
  if (!parsed.ok) return parsed.result;
  const name = parsed.value.name ?? '';
  const nameError = channelNameError(name);
  if (nameError) return fail(nameError);
  if (state.channelByName(name)) return fail('name_taken');
  const channel = state.addChannel(name, { isPrivate: parsed.value.is_private ?? false });
  return ok({ channel: wireChannel(channel) });
};

const ChannelArgs = z.object({ channel: z.string().optional() });

const info: MethodHandler = ({ state }, args) => {
  const parsed = parseArgs(ChannelArgs, args);
  if (!parsed.ok) return parsed.result;
  const channel = visibleChannel(state, parsed.value.channel);
  return channel.ok ? ok({ channel: wireChannel(channel.value) }) : channel.result;
};

const join: MethodHandler = ({ state }, args) => {
  const parsed = parseArgs(ChannelArgs, args);
  if (!parsed.ok) return parsed.result;
  const channel = writableChannel(state, parsed.value.channel);
  if (!channel.ok) return channel.result;
  if (channel.value.isPrivate) return fail('method_not_supported_for_channel_type');
  if (channel.value.members.includes(BOT_USER_ID)) {
    return ok({ channel: wireChannel(channel.value), warning: 'already_in_channel', response_metadata: { warnings: ['already_in_channel'] } });
  }
  channel.value.members.push(BOT_USER_ID);
  return ok({ channel: wireChannel(channel.value) });
};

const InviteArgs = z.object({ channel: z.string().optional(), users: z.string().optional(), force: flag.optional() });

/** Why Slack would not invite this user, or undefined when it would. */
function inviteError(state: StandInState, members: readonly string[], user: string): string | undefined {
  if (user === BOT_USER_ID) return 'cant_invite_self';
  const person = state.users.get(user);
  if (!person) return 'user_not_found';
  if (members.includes(user)) return 'already_in_channel';
  if (person.guest === 'multi_channel') return 'user_is_restricted';
  if (person.guest === 'single_channel' && [...state.channels.values()].some((c) => c.members.includes(user))) return 'ura_max_channels';
  return undefined;
}

/**
 * As Slack documents: if any listed user cannot be invited, nobody is (the answer names each failure in
 * `errors`), unless `force` asks to invite the valid ones anyway.
 */
const invite: MethodHandler = ({ state }, args) => {
  const parsed = parseArgs(InviteArgs, args);
  if (!parsed.ok) return parsed.result;
  const channel = memberChannel(state, parsed.value.channel);
  if (!channel.ok) return channel.result;
  if (channel.value.isIm || channel.value.isMpim) return fail('method_not_supported_for_channel_type');
  const users = [...new Set(splitUsers(parsed.value.users))];
  if (users.length === 0) return fail('no_user');
  if (users.length > INVITE_MAX) return fail('too_many_users');
  const failures = users.flatMap((user) => {
    const error = inviteError(state, channel.value.members, user);
    return error ? [{ user, ok: false, error }] : [];
  });
  const fresh = users.filter((u) => !failures.some((f) => f.user === u));
  if (failures.length > 0 && !(parsed.value.force && fresh.length > 0)) {
    return { ok: false, error: failures[0]?.error ?? 'cant_invite', errors: failures };
  }
  channel.value.members.push(...fresh);
  return ok({ channel: wireChannel(channel.value), ...(failures.length > 0 ? { errors: failures } : {}) });
};

const TopicArgs = z.object({ channel: z.string().optional(), topic: z.string().optional() });

const setTopic: MethodHandler = ({ state }, args) => {
  const parsed = parseArgs(TopicArgs, args);
  if (!parsed.ok) return parsed.result;
  const channel = memberChannel(state, parsed.value.channel);
  if (!channel.ok) return channel.result;
  const topic = parsed.value.topic ?? '';
  if (topic.length > TOPIC_MAX) return fail('too_long');
  channel.value.topic = { value: topic, creator: BOT_USER_ID, lastSet: state.nowSeconds() };
  return ok({ channel: wireChannel(channel.value) });
};

const archive: MethodHandler = ({ state }, args) => {
  const parsed = parseArgs(ChannelArgs, args);
  if (!parsed.ok) return parsed.result;
  const channel = visibleChannel(state, parsed.value.channel);
  if (!channel.ok) return channel.result;
  if (channel.value.isArchived) return fail('already_archived');
  if (channel.value.isIm || channel.value.isMpim) return fail('method_not_supported_for_channel_type');
  if (channel.value.name === 'general') return fail('cant_archive_general');
  if (!channel.value.members.includes(BOT_USER_ID)) return fail('not_in_channel');
  channel.value.isArchived = true;
  return ok();
};

const OpenArgs = z.object({ users: z.string().optional(), channel: z.string().optional(), return_im: flag.optional() });

const open: MethodHandler = ({ state }, args) => {
  const parsed = parseArgs(OpenArgs, args);
  if (!parsed.ok) return parsed.result;
  if (parsed.value.channel) return reopen(state, parsed.value.channel);
  const users = splitUsers(parsed.value.users).filter((u) => u !== BOT_USER_ID);
  if (users.length === 0) return fail('users_list_not_supplied');
  if (users.some((u) => !state.users.has(u))) return fail('user_not_found');
  if (users.length > 8) return fail('too_many_users');
  const dm = state.openDm(users);
  return ok({ channel: parsed.value.return_im ? wireChannel(dm) : { id: dm.id } });
};

function reopen(state: StandInState, id: string): SlackResult {
  const channel = visibleChannel(state, id);
  if (!channel.ok) return channel.result;
  return ok({ channel: { id: channel.value.id }, already_open: true });
}

const members: MethodHandler = ({ state }, args) => {
  const parsed = parseArgs(ChannelArgs, args);
  if (!parsed.ok) return parsed.result;
  const channel = visibleChannel(state, parsed.value.channel);
  if (!channel.ok) return channel.result;
  return ok({ members: [...channel.value.members], response_metadata: { next_cursor: '' } });
};

const ListArgs = z.object({ types: z.string().optional(), exclude_archived: flag.optional(), limit: stringish.optional(), cursor: z.string().optional() });
const LIST_TYPES = ['public_channel', 'private_channel', 'mpim', 'im'];

/**
 * conversations.list as Slack documents it: `types` (default public_channel), `exclude_archived`, `limit` up to
 * 1000 (default 100) and an opaque `cursor`; private channels and group DMs only where the bot is a member.
 */
const list: MethodHandler = ({ state }, args) => {
  const parsed = parseArgs(ListArgs, args);
  if (!parsed.ok) return parsed.result;
  const types = (parsed.value.types ?? 'public_channel').split(',').map((t) => t.trim());
  if (types.some((t) => !LIST_TYPES.includes(t))) return fail('invalid_types');
  const limit = Number(parsed.value.limit ?? 100);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) return fail('invalid_limit');
  const from = parsed.value.cursor ? Number(Buffer.from(parsed.value.cursor, 'base64url').toString()) : 0;
  if (!Number.isInteger(from) || from < 0) return fail('invalid_cursor');
  const kindOf = (c: StandInChannel) => (c.isIm ? 'im' : c.isMpim ? 'mpim' : c.isPrivate ? 'private_channel' : 'public_channel');
  const listed = [...state.channels.values()].filter(
    (c) => types.includes(kindOf(c)) && !(parsed.value.exclude_archived && c.isArchived) && (kindOf(c) === 'public_channel' || c.members.includes(BOT_USER_ID)),
  );
  const page = listed.slice(from, from + limit);
  const next = from + limit < listed.length ? Buffer.from(String(from + limit)).toString('base64url') : '';
  return ok({ channels: page.map(wireChannel), response_metadata: { next_cursor: next } });
};

function splitUsers(users: string | undefined): string[] {
  return (users ?? '').split(',').map((u) => u.trim()).filter((u) => u.length > 0);
}

export const CONVERSATION_METHODS: Readonly<Record<string, MethodHandler>> = {
  'conversations.create': create,
  'conversations.info': info,
  'conversations.join': join,
  'conversations.invite': invite,
  'conversations.setTopic': setTopic,
  'conversations.archive': archive,
  'conversations.open': open,
  'conversations.members': members,
  'conversations.list': list,
};
