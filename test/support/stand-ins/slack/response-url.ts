/**
 * The `response_url` Slack hands to slash commands and block actions. A POST there is recorded and, when the
 * stand-in knows where the URL came from, shows up as an ephemeral reply, a channel message or an edit.
 */
import { z } from 'zod';
import { botAuthor, fail, flag, ok, refuseContent, stringish } from './method-kit.js';
import type { Clock } from '../../../../src/platform/clock.js';
import type { StandInState } from './state.js';
import type { SlackResult } from './types.js';

/** Where a response_url points: the channel and user of the command or action, and the clicked message. */
export interface ResponseUrlContext {
  channelId: string;
  userId: string;
  messageTs?: string;
}

/** Slack: a response_url may be used "up to 5 times within 30 minutes" of the request that carried it. */
export const RESPONSE_URL_USES = 5;
export const RESPONSE_URL_TTL_MS = 30 * 60_000;

export interface ResponseUrlEntry {
  context?: ResponseUrlContext;
  uses: number;
  /** When the request carrying it was sent, in ms on the stand-in's clock. */
  issuedAt: number;
}

/**
 * The response_urls handed out, by id. Their 30 minutes run on the stand-in's clock, the time the test
 * models, so a test can let a reply go stale by moving its ManualClock instead of waiting half an hour.
 */
export class ResponseUrls {
  private readonly entries = new Map<string, ResponseUrlEntry>();

  constructor(private readonly clock: Clock) {}

  /** Hands the URL out again, as in a new request: its 30 minutes start now; uses so far still count. */
  issue(id: string, context?: ResponseUrlContext): void {
    const entry = this.entry(id);
    entry.issuedAt = this.clock.now().getTime();
    if (context) entry.context = { ...context };
  }

  /** The entry for an id; one never handed out counts as handed out now (tests may post to any id). */
  entry(id: string): ResponseUrlEntry {
    const entry = this.entries.get(id) ?? { uses: 0, issuedAt: this.clock.now().getTime() };
    this.entries.set(id, entry);
    return entry;
  }

  expired(entry: ResponseUrlEntry): boolean {
    return this.clock.now().getTime() - entry.issuedAt > RESPONSE_URL_TTL_MS;
  }

  clear(): void {
    this.entries.clear();
  }
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

export function answerResponseUrl(state: StandInState, urls: ResponseUrls, entry: ResponseUrlEntry, raw: unknown): HttpAnswer {
  if (urls.expired(entry)) return { status: 404, body: fail('expired_url') };
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
