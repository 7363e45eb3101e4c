/**
 * conversations.history and conversations.replies as Slack documents them: `latest`/`oldest` bounds that
 * exclude the bound itself unless `inclusive`, newest first for history, the parent first for replies,
 * `limit` with `has_more` and a `next_cursor`.
 */
import { z } from 'zod';
import { BOT_USER_ID } from './identity.js';
import {
  fail, flag, ok, parseArgs, stringish, visibleChannel, wireMessage, type Found, type MethodHandler,
} from './method-kit.js';
import type { StandInState } from './state.js';
import type { StandInChannel, StandInMessage } from './types.js';

/** Slack's documented default page sizes, and history's documented maximum. */
export const HISTORY_DEFAULT_LIMIT = 100;
export const REPLIES_DEFAULT_LIMIT = 1000;
export const HISTORY_MAX_LIMIT = 999;

const TS = /^\d+(\.\d{1,6})?$/;

const refused = (error: string): { ok: false; result: ReturnType<typeof fail> } => ({ ok: false, result: fail(error) });

const PageArgs = z.object({
  channel: z.string().optional(),
  latest: stringish.optional(),
  oldest: stringish.optional(),
  inclusive: flag.optional(),
  limit: z.union([z.number(), z.string()]).transform(Number).optional(),
  cursor: z.string().optional(),
  ts: stringish.optional(),
  include_all_metadata: flag.optional(),
});
type PageArgs = z.infer<typeof PageArgs>;

/** A ts as a number of microseconds, so `1700000000.0001` and `1700000000.000100` compare equal. */
export function tsMicros(ts: string): number {
  const [seconds = '0', fraction = ''] = ts.split('.');
  return Number(seconds) * 1_000_000 + Number(fraction.padEnd(6, '0'));
}

interface Window {
  latest: number;
  oldest: number;
  inclusive: boolean;
}

function windowOf(args: PageArgs): Found<Window> {
  if (args.latest !== undefined && args.latest !== '' && !TS.test(args.latest)) return refused('invalid_ts_latest');
  if (args.oldest !== undefined && args.oldest !== '' && !TS.test(args.oldest)) return refused('invalid_ts_oldest');
  // Slack's default `latest` is "now"; a message stamped this very instant is still included.
  const latest = args.latest ? tsMicros(args.latest) : Number.POSITIVE_INFINITY;
  return { ok: true, value: { latest, oldest: args.oldest ? tsMicros(args.oldest) : 0, inclusive: args.inclusive ?? false } };
}

const inWindow = (w: Window) => (m: StandInMessage): boolean => {
  const at = tsMicros(m.ts);
  return w.inclusive ? at >= w.oldest && at <= w.latest : at > w.oldest && at < w.latest;
};

/** The channel, if the bot may read it: a bot token reads only conversations it is a member of. */
function readableChannel(state: StandInState, id: string | undefined): Found<StandInChannel> {
  const found = visibleChannel(state, id);
  if (found.ok && !found.value.members.includes(BOT_USER_ID)) return refused('not_in_channel');
  return found;
}

/** The page of `list` that `cursor` points at (an offset, opaque to callers as in Slack). */
function page(list: StandInMessage[], args: PageArgs, defaultLimit: number): Found<{ items: StandInMessage[]; next: string }> {
  const limit = args.limit === undefined || Number.isNaN(args.limit) || args.limit <= 0 ? defaultLimit : Math.min(args.limit, HISTORY_MAX_LIMIT);
  let start = 0;
  if (args.cursor) {
    const decoded = /^offset:(\d+)$/.exec(Buffer.from(args.cursor, 'base64').toString('utf8'));
    if (!decoded) return refused('invalid_cursor');
    start = Number(decoded[1]);
  }
  const items = list.slice(start, start + limit);
  const more = start + limit < list.length;
  return { ok: true, value: { items, next: more ? Buffer.from(`offset:${start + limit}`).toString('base64') : '' } };
}

/** Replies of a thread, oldest first. */
function repliesOf(state: StandInState, channelId: string, parentTs: string): StandInMessage[] {
  return state.messages(channelId).filter((m) => m.thread_ts === parentTs).sort((a, b) => tsMicros(a.ts) - tsMicros(b.ts));
}

/** A message with the thread facts Slack adds to a parent: `thread_ts`, `reply_count`, `latest_reply`. */
function wireWithThread(state: StandInState, m: StandInMessage): Record<string, unknown> {
  if (m.thread_ts !== undefined) return { ...wireMessage(m), parent_user_id: state.findMessage(m.channel, m.thread_ts)?.user };
  const replies = repliesOf(state, m.channel, m.ts);
  if (replies.length === 0) return wireMessage(m);
  return {
    ...wireMessage(m),
    thread_ts: m.ts,
    reply_count: replies.length,
    reply_users: [...new Set(replies.map((r) => r.user))],
    latest_reply: replies.at(-1)?.ts,
  };
}

/** What both methods read first: their arguments, a channel the bot may read, and the time window. */
function readRequest(state: StandInState, args: Record<string, unknown>): Found<{ args: PageArgs; channel: StandInChannel; window: Window }> {
  const parsed = parseArgs(PageArgs, args);
  if (!parsed.ok) return parsed;
  const channel = readableChannel(state, parsed.value.channel);
  if (!channel.ok) return channel;
  const window = windowOf(parsed.value);
  if (!window.ok) return window;
  return { ok: true, value: { args: parsed.value, channel: channel.value, window: window.value } };
}

const history: MethodHandler = ({ state }, args) => {
  const request = readRequest(state, args);
  if (!request.ok) return request.result;
  const { args: query, channel, window } = request.value;
  // History holds top-level messages only; replies live in their thread (conversations.replies).
  const list = state.messages(channel.id)
    .filter((m) => m.thread_ts === undefined)
    .filter(inWindow(window))
    .sort((a, b) => tsMicros(b.ts) - tsMicros(a.ts));
  const found = page(list, query, HISTORY_DEFAULT_LIMIT);
  if (!found.ok) return found.result;
  const paged = found.value;
  return ok({
    messages: paged.items.map((m) => withMetadata(query, m, wireWithThread(state, m))),
    has_more: paged.next !== '',
    pin_count: state.messages(channel.id).filter((m) => m.pinned).length,
    response_metadata: { next_cursor: paged.next },
  });
};

const replies: MethodHandler = ({ state }, args) => {
  const request = readRequest(state, args);
  if (!request.ok) return request.result;
  const { args: query, channel, window } = request.value;
  // `ts` may name the parent or any reply: either way the whole thread comes back, parent first.
  const named = query.ts ? state.findMessage(channel.id, query.ts) : undefined;
  const parent = named?.thread_ts ? state.findMessage(channel.id, named.thread_ts) : named;
  if (!parent) return fail('thread_not_found');
  const list = [parent, ...repliesOf(state, channel.id, parent.ts).filter(inWindow(window))];
  const found = page(list, query, REPLIES_DEFAULT_LIMIT);
  if (!found.ok) return found.result;
  const paged = found.value;
  return ok({
    messages: paged.items.map((m) => withMetadata(query, m, wireWithThread(state, m))),
    has_more: paged.next !== '',
    response_metadata: { next_cursor: paged.next },
  });
};

/** Slack returns a message's metadata in history and replies only when asked with `include_all_metadata`. */
function withMetadata(query: PageArgs, m: StandInMessage, wire: Record<string, unknown>): Record<string, unknown> {
  return query.include_all_metadata && m.metadata ? { ...wire, metadata: m.metadata } : wire;
}

export const HISTORY_METHODS: Readonly<Record<string, MethodHandler>> = {
  'conversations.history': history,
  'conversations.replies': replies,
};
