/** chat.* methods: post, update, ephemeral, permalink, delete. */
import { z } from 'zod';
import {
  botAuthor, fail, findMessage, memberChannel, ok, parseArgs, refuseContent, stringish, wireMessage, writableChannel,
  type MethodHandler,
} from './method-kit.js';

const PostArgs = z.object({
  channel: z.string().optional(),
  text: z.string().optional(),
  blocks: z.unknown().optional(),
  thread_ts: stringish.optional(),
  metadata: z.unknown().optional(),
});

/** Message metadata as Slack accepts it: `event_type` (letters, digits, underscores) and an `event_payload` object. */
const Metadata = z.object({ event_type: z.string().regex(/^[A-Za-z0-9_]{1,255}$/), event_payload: z.record(z.string(), z.unknown()) });

const postMessage: MethodHandler = ({ state }, args) => {
  const parsed = parseArgs(PostArgs, args);
  if (!parsed.ok) return parsed.result;
  const { channel: channelId, text, blocks, thread_ts } = parsed.value;
  const metadata = parsed.value.metadata === undefined ? undefined : Metadata.safeParse(parsed.value.metadata);
  if (metadata && !metadata.success) return fail('invalid_metadata_format');
  const channel = memberChannel(state, channelId);
  if (!channel.ok) return channel.result;
  const refused = refuseContent({ text, blocks });
  if (refused) return refused;
  let parentTs: string | undefined;
  if (thread_ts !== undefined && thread_ts !== '') {
    const parent = state.findMessage(channel.value.id, thread_ts);
    if (!parent) return fail('thread_not_found');
    parentTs = parent.thread_ts ?? parent.ts;
  }
  const message = state.addMessage({
    channel: channel.value.id,
    ts: state.nextTs(),
    ...(parentTs ? { thread_ts: parentTs } : {}),
    text: text ?? '',
    ...(Array.isArray(blocks) ? { blocks } : {}),
    ...(metadata?.success ? { metadata: metadata.data } : {}),
    ...botAuthor,
    pinned: false,
    reactions: [],
  });
  return ok({ channel: channel.value.id, ts: message.ts, message: wireMessage(message) });
};

const UpdateArgs = z.object({
  channel: z.string().optional(),
  ts: stringish.optional(),
  text: z.string().optional(),
  blocks: z.unknown().optional(),
});

const update: MethodHandler = ({ state }, args) => {
  const parsed = parseArgs(UpdateArgs, args);
  if (!parsed.ok) return parsed.result;
  const { channel: channelId, ts, text, blocks } = parsed.value;
  const channel = writableChannel(state, channelId);
  if (!channel.ok) return channel.result;
  const found = findMessage(state, channel.value.id, ts);
  if (!found.ok) return found.result;
  const message = found.value;
  if (message.bot_id === undefined) return fail('cant_update_message');
  if (text === undefined && blocks === undefined) return fail('no_text');
  const refused = refuseContent({ text: text ?? message.text, blocks: blocks ?? message.blocks });
  if (refused) return refused;
  // Like Slack: an omitted field keeps its old value; `blocks: []` removes the blocks.
  if (text !== undefined) message.text = text;
  if (Array.isArray(blocks)) message.blocks = blocks;
  message.edited = { user: message.user, ts: state.nextTs() };
  return ok({ channel: channel.value.id, ts: message.ts, text: message.text, message: wireMessage(message) });
};

const EphemeralArgs = z.object({
  channel: z.string().optional(),
  user: z.string().optional(),
  text: z.string().optional(),
  blocks: z.unknown().optional(),
  thread_ts: stringish.optional(),
});

const postEphemeral: MethodHandler = ({ state }, args) => {
  const parsed = parseArgs(EphemeralArgs, args);
  if (!parsed.ok) return parsed.result;
  const { channel: channelId, user, text, blocks, thread_ts } = parsed.value;
  const channel = memberChannel(state, channelId);
  if (!channel.ok) return channel.result;
  if (user === undefined || !state.users.has(user)) return fail('user_not_found');
  if (!channel.value.members.includes(user)) return fail('user_not_in_channel');
  const refused = refuseContent({ text, blocks });
  if (refused) return refused;
  const ts = state.nextTs();
  state.ephemerals.push({
    channel: channel.value.id,
    user,
    ts,
    ...(thread_ts ? { thread_ts } : {}),
    text: text ?? '',
    ...(Array.isArray(blocks) ? { blocks } : {}),
  });
  return ok({ message_ts: ts });
};

const PermalinkArgs = z.object({ channel: z.string().optional(), message_ts: stringish.optional() });

const getPermalink: MethodHandler = ({ state, baseUrl }, args) => {
  const parsed = parseArgs(PermalinkArgs, args);
  if (!parsed.ok) return parsed.result;
  const channel = state.resolveChannel(parsed.value.channel ?? '');
  if (!channel) return fail('channel_not_found');
  const found = findMessage(state, channel.id, parsed.value.message_ts);
  if (!found.ok) return found.result;
  const { ts, thread_ts } = found.value;
  const query = thread_ts ? `?thread_ts=${thread_ts}&cid=${channel.id}` : '';
  return ok({ channel: channel.id, permalink: `${baseUrl}/archives/${channel.id}/p${ts.replace('.', '')}${query}` });
};

const DeleteArgs = z.object({ channel: z.string().optional(), ts: stringish.optional() });

const deleteMessage: MethodHandler = ({ state }, args) => {
  const parsed = parseArgs(DeleteArgs, args);
  if (!parsed.ok) return parsed.result;
  const channel = writableChannel(state, parsed.value.channel);
  if (!channel.ok) return channel.result;
  const found = findMessage(state, channel.value.id, parsed.value.ts);
  if (!found.ok) return found.result;
  if (found.value.bot_id === undefined) return fail('cant_delete_message');
  state.removeMessage(channel.value.id, found.value.ts);
  return ok({ channel: channel.value.id, ts: found.value.ts });
};

export const CHAT_METHODS: Readonly<Record<string, MethodHandler>> = {
  'chat.postMessage': postMessage,
  'chat.update': update,
  'chat.postEphemeral': postEphemeral,
  'chat.getPermalink': getPermalink,
  'chat.delete': deleteMessage,
};
