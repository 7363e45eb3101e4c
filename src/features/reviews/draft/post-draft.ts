/**
 * Delivery of the review draft: reads the reader's zone and the names of the people in it from Slack, renders
 * the Markdown, and shares it as a file in the incident channel (WebClient's `filesUploadV2`: it asks
 * files.getUploadURLExternal for an upload URL, POSTs the bytes there, then files.completeUploadExternal
 * shares the file with `channel_id` and `initial_comment`). Needs the `files:write` scope.
 */
import { isTimeZone } from '../../../platform/config/fields.js';
import { WardenError } from '../../../platform/errors.js';
import type { ReviewFacts } from './facts.js';
import { renderReview, type ReviewTemplate } from './render.js';
import { peopleIn, type Reader } from './review-view.js';

/**
 * The part of Slack's WebClient this needs (a real `WebClient` satisfies it; the integration test checks that).
 * Kept narrow so the Slack SDK stays in src/adapters/slack.
 */
export interface DraftSlack {
  users: { info(args: { user: string }): Promise<{ user?: SlackUser }> };
  filesUploadV2(args: { channel_id: string; content: string; filename: string; title: string; initial_comment: string }): Promise<unknown>;
}

interface SlackUser {
  tz?: string;
  name?: string;
  real_name?: string;
  profile?: { display_name?: string; real_name?: string };
}

export interface PostDraftInput {
  /** The incident channel, where the file is shared (the bot must be in it). */
  channelId: string;
  /** Who asked: the times are rendered in their Slack time zone. */
  userId: string;
  facts: ReviewFacts;
  template: ReviewTemplate;
  /** The configured display zone (`timeZone`), used when Slack has no zone for the reader. */
  displayZone: string;
}

export interface PostedDraft {
  filename: string;
  title: string;
  reader: Reader;
  /** The Markdown that was uploaded. */
  content: string;
}

/** At most this many people are looked up by name; the rest show as their Slack id. */
export const MAX_NAME_LOOKUPS = 40;

/**
 * Renders the draft for `userId` and shares it in `channelId` as `<incident id>-review.md`.
 * @throws WardenError('upstream_failed') with what to do when the bot is not in the channel or lacks `files:write`;
 *   other Slack failures are rethrown for the caller's retry policy.
 */
export async function postReviewDraft(slack: DraftSlack, input: PostDraftInput): Promise<PostedDraft> {
  // The reader first (their zone decides every time in the file), then everyone named in it at once.
  const me = await lookUp(slack, input.userId);
  const others = peopleIn(input.facts).filter((id) => id !== input.userId).slice(0, MAX_NAME_LOOKUPS - 1);
  const found = await Promise.all(others.map((id) => lookUp(slack, id)));
  const people = Object.fromEntries(
    [[input.userId, me] as const, ...others.map((id, i) => [id, found[i] ?? null] as const)].flatMap(([id, u]) => (u ? [[id, nameOf(u, id)]] : [])),
  );
  const tz = me?.tz;
  const reader: Reader = tz && isTimeZone(tz) ? { zone: tz, fromProfile: true } : { zone: input.displayZone, fromProfile: false };
  const content = renderReview(input.template, input.facts, reader, people);
  const id = input.facts.incident.id;
  const draft = { filename: `${id}-review.md`, title: `Post-incident review: ${id}`, reader, content };
  try {
    await slack.filesUploadV2({
      channel_id: input.channelId,
      content,
      filename: draft.filename,
      title: draft.title,
      // A message in the channel: Warden's own words only, no user text.
      initial_comment: `Post-incident review draft for ${id}, from the record as of now, asked for by <@${input.userId}>. Sections marked [to complete: ...] are for the review.`,
    });
  } catch (error) {
    throw refusal(error) ?? error;
  }
  return draft;
}

async function lookUp(slack: DraftSlack, userId: string): Promise<SlackUser | null> {
  try {
    return (await slack.users.info({ user: userId })).user ?? null;
  } catch {
    // A name or zone Slack will not give is not worth failing the draft for: the id and the display zone stand in.
    return null;
  }
}

const nameOf = (u: SlackUser, id: string): string => u.real_name || u.profile?.real_name || u.profile?.display_name || u.name || id;


function refusal(error: unknown): WardenError | null {
  const code = (error as { data?: { error?: string } } | null)?.data?.error;
  if (code === 'not_in_channel' || code === 'channel_not_found') {
    return new WardenError('upstream_failed', 'Warden is not in this channel, so it cannot share the review draft here. Invite @warden to the channel and try again.');
  }
  if (code === 'missing_scope') {
    return new WardenError('upstream_failed', 'Warden lacks the files:write scope: reinstall the app from the updated manifest.yml, then try again.');
  }
  return null;
}
