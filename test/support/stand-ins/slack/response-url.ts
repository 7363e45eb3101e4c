/**
 * The `response_url` Slack hands to slash commands and block actions. A POST there is recorded and, when the
 * stand-in knows where the URL came from, shows up as an ephemeral reply, a channel message or an edit.
 */
import { z } from 'zod';
import { botAuthor, fail, flag, ok, refuseContent, stringish } from './method-kit.js';
import type { StandInState } from './state.js';
import type { SlackResult } from './types.js';

/** Where a response_url points: the channel and user of the command or action, and the clicked message. */
export interface ResponseUrlContext {
  channelId: string;
  userId: string;
  messageTs?: string;
}

/** Slack lets a response_url be used five times. */
export const RESPONSE_URL_USES = 5;

export interface ResponseUrlEntry {
  context?: ResponseUrlContext;
  uses: number;
}

const ResponseBody = z.object({
  text: z.string().optional(),
  blocks: z.unknown().optional(),
  response_type: z.enum(['ephemeral', 'in_channel']).optional(),
  replace_original: flag.optional(),
  delete_original: flag.optional(),
  thread_ts: stringish.optional(),
});

export interface HttpAnswer {
  status: number;
  body: SlackResult;
}

export function answerResponseUrl(state: StandInState, entry: ResponseUrlEntry, raw: unknown): HttpAnswer {
  entry.uses += 1;
  if (entry.uses > RESPONSE_URL_USES) return { status: 404, body: fail('used_url') };
  const parsed = ResponseBody.safeParse(raw);
  if (!parsed.success) return { status: 400, body: fail('invalid_payload') };
  const body = parsed.data;
  const ctx = entry.context;
  const original = ctx?.messageTs ? state.findMessage(ctx.channelId, ctx.messageTs) : undefined;
  if (body.delete_original) {
    if (original) state.removeMessage(original.channel, original.ts);
    return { status: 200, body: ok() };
  }
  const refused = refuseContent({ text: body.text, blocks: body.blocks });
  if (refused) return { status: 400, body: refused };
  if (ctx) apply(state, ctx, body, original);
  return { status: 200, body: ok() };
}

function apply(
  state: StandInState,
  ctx: ResponseUrlContext,
  body: z.infer<typeof ResponseBody>,
  original: ReturnType<StandInState['findMessage']>,
): void {
  const blocks = Array.isArray(body.blocks) ? { blocks: body.blocks } : {};
  if (body.replace_original && original) {
    original.text = body.text ?? '';
    if (Array.isArray(body.blocks)) original.blocks = body.blocks;
    original.edited = { user: original.user, ts: state.nextTs() };
    return;
  }
  const thread = body.thread_ts ? { thread_ts: body.thread_ts } : {};
  if (body.response_type === 'in_channel' && state.channels.has(ctx.channelId)) {
    state.addMessage({
      channel: ctx.channelId, ts: state.nextTs(), ...thread, text: body.text ?? '', ...blocks, ...botAuthor,
      pinned: false, reactions: [],
    });
    return;
  }
  state.ephemerals.push({ channel: ctx.channelId, user: ctx.userId, ts: state.nextTs(), ...thread, text: body.text ?? '', ...blocks });
}
