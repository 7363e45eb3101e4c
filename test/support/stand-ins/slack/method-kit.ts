/** Shared pieces of the Web API method handlers: results, argument parsing, content checks, wire shapes. */
import { z } from 'zod';
import type { Clock } from '../../../../src/platform/clock.js';
import { BOT_ID, BOT_USER_ID, TEAM_ID } from './identity.js';
import { BLOCK_KIT_LIMITS, checkMessageBlocks, formatViolation, type BlockKitViolation } from './block-kit-limits.js';
import type { StandInState } from './state.js';
import type { SlackResult, StandInChannel, StandInMessage } from './types.js';

export interface MethodContext {
  state: StandInState;
  /** Base URL of the stand-in, for permalinks. */
  baseUrl: string;
  /** Measures how old a trigger id is; see SlackStandInOptions.triggerClock. */
  triggerClock: Clock;
}

export type MethodHandler = (ctx: MethodContext, args: Record<string, unknown>) => SlackResult;

export const ok = (body: Record<string, unknown> = {}): SlackResult => ({ ok: true, ...body });

export function fail(error: string, violations: readonly BlockKitViolation[] = []): SlackResult {
  if (violations.length === 0) return { ok: false, error };
  const errors = violations.map((v) => `${v.message} [json-pointer:${v.pointer}]`);
  return { ok: false, error, errors, response_metadata: { messages: violations.map(formatViolation) } };
}

/** Form fields arrive as strings, JSON bodies may carry numbers: both become strings. */
export const stringish = z.union([z.string(), z.number()]).transform(String);
export const flag = z.union([z.boolean(), z.string()]).transform((v) => v === true || v === 'true' || v === '1');

export type Parsed<T> = { ok: true; value: T } | { ok: false; result: SlackResult };

/** Parses arguments with zod; a mismatch is Slack's `invalid_arguments` with one message per issue. */
export function parseArgs<T>(schema: z.ZodType<T>, args: Record<string, unknown>): Parsed<T> {
  const parsed = schema.safeParse(args);
  if (parsed.success) return { ok: true, value: parsed.data };
  const violations = parsed.error.issues.map((i) => ({ pointer: `/${i.path.join('/')}`, message: i.message }));
  return { ok: false, result: fail('invalid_arguments', violations) };
}

export interface MessageContent {
  text?: string | undefined;
  blocks?: unknown;
}

/** Refuses what Slack refuses in a message body; `undefined` when the content is acceptable. */
export function refuseContent(content: MessageContent, requireSome = true): SlackResult | undefined {
  const { text, blocks } = content;
  if (blocks !== undefined) {
    if (!Array.isArray(blocks)) return fail('invalid_blocks_format');
    const violations = checkMessageBlocks(blocks);
    if (violations.length > 0) return fail('invalid_blocks', violations);
  }
  const hasBlocks = Array.isArray(blocks) && blocks.length > 0;
  const hasText = typeof text === 'string' && text.trim().length > 0;
  if (requireSome && !hasBlocks && !hasText) return fail('no_text');
  if (typeof text === 'string' && text.length > BLOCK_KIT_LIMITS.messageText) return fail('msg_too_long');
  return undefined;
}

export type Found<T> = { ok: true; value: T } | { ok: false; result: SlackResult };

/** A channel the bot can see: private channels and DMs it is not in do not exist for it. */
export function visibleChannel(state: StandInState, id: string | undefined): Found<StandInChannel> {
  const channel = id === undefined || id === '' ? undefined : state.resolveChannel(id);
  if (!channel || (channel.isPrivate && !channel.members.includes(BOT_USER_ID))) {
    return { ok: false, result: fail('channel_not_found') };
  }
  return { ok: true, value: channel };
}

/** A channel the bot can write to: visible and not archived. */
export function writableChannel(state: StandInState, id: string | undefined): Found<StandInChannel> {
  const found = visibleChannel(state, id);
  if (found.ok && found.value.isArchived) return { ok: false, result: fail('is_archived') };
  return found;
}

/**
 * A channel the bot can post in: writable and the bot is a member. Warden has no `chat:write.public`, so
 * Slack answers `not_in_channel` for a public channel the bot never joined.
 */
export function memberChannel(state: StandInState, id: string | undefined): Found<StandInChannel> {
  const found = writableChannel(state, id);
  if (found.ok && !found.value.members.includes(BOT_USER_ID)) return { ok: false, result: fail('not_in_channel') };
  return found;
}

export function findMessage(state: StandInState, channel: string, ts: string | undefined): Found<StandInMessage> {
  const message = ts === undefined ? undefined : state.findMessage(channel, ts);
  return message ? { ok: true, value: message } : { ok: false, result: fail('message_not_found') };
}

/** A message as the Web API returns it. */
export function wireMessage(m: StandInMessage): Record<string, unknown> {
  return {
    type: 'message',
    ...(m.bot_id ? { subtype: 'bot_message', bot_id: m.bot_id, app_id: 'A0WARDEN' } : {}),
    user: m.user,
    text: m.text,
    ts: m.ts,
    team: TEAM_ID,
    ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}),
    ...(m.blocks ? { blocks: m.blocks } : {}),
    ...(m.edited ? { edited: m.edited } : {}),
    ...(m.reactions.length > 0 ? { reactions: m.reactions } : {}),
    ...(m.pinned ? { pinned_to: [m.channel] } : {}),
  };
}

/** A conversation as conversations.info and friends return it. */
export function wireChannel(c: StandInChannel): Record<string, unknown> {
  const topic = (t: StandInChannel['topic']) => ({ value: t.value, creator: t.creator, last_set: t.lastSet });
  if (c.isIm) {
    return { id: c.id, created: c.created, is_im: true, is_org_shared: false, user: c.user, is_user_deleted: false };
  }
  return {
    id: c.id,
    name: c.name,
    // A private channel made since March 2021 is a channel too (is_private says it is private); group DMs are not.
    is_channel: !c.isMpim,
    is_group: false,
    is_im: false,
    is_mpim: c.isMpim,
    is_private: c.isPrivate,
    is_archived: c.isArchived,
    is_general: c.name === 'general',
    is_member: c.members.includes(BOT_USER_ID),
    created: c.created,
    creator: c.creator,
    name_normalized: c.name,
    topic: topic(c.topic),
    purpose: topic(c.purpose),
    num_members: c.members.length,
  };
}

export const botAuthor = { user: BOT_USER_ID, bot_id: BOT_ID } as const;
