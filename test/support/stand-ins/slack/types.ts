/** What the stand-in keeps and what its inspection API hands back to tests (always copies). */

export interface StandInTopic {
  value: string;
  creator: string;
  lastSet: number;
}

export interface StandInChannel {
  id: string;
  /** Empty for DMs and group DMs. */
  name: string;
  isPrivate: boolean;
  isIm: boolean;
  isMpim: boolean;
  isArchived: boolean;
  created: number;
  creator: string;
  topic: StandInTopic;
  purpose: StandInTopic;
  members: string[];
  /** The other person of a DM. */
  user?: string;
}

export interface StandInReaction {
  name: string;
  users: string[];
  count: number;
}

export interface StandInMessage {
  channel: string;
  ts: string;
  /** Set on replies only (the parent's ts); a parent of a thread does not carry it here. */
  thread_ts?: string;
  text: string;
  blocks?: unknown[];
  user: string;
  /** Set when the bot posted it. */
  bot_id?: string;
  pinned: boolean;
  reactions: StandInReaction[];
  edited?: { user: string; ts: string };
  /** Files shared with the message (files.completeUploadExternal). */
  files?: { id: string; title: string; name: string }[];
  /** Message metadata the app posted with it; history answers it only with `include_all_metadata`. */
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

export interface StandInEphemeral {
  channel: string;
  user: string;
  ts: string;
  thread_ts?: string;
  text: string;
  blocks?: unknown[];
}

export const VIEW_OPERATIONS = ['open', 'push', 'publish'] as const;
export type ViewOperation = (typeof VIEW_OPERATIONS)[number];

export interface StandInView {
  id: string;
  /** Who saw it: the home tab's owner, or the user named by the trigger id (see makeTriggerId). */
  userId?: string;
  openedVia: ViewOperation;
  updates: number;
  hash: string;
  view: Record<string, unknown>;
}

export interface RecordedCall {
  method: string;
  /** Decoded arguments: form fields as strings, `blocks`, `view`, `attachments` parsed back to objects. */
  args: Record<string, unknown>;
  /** ISO instant from the stand-in's clock. */
  at: string;
  ok: boolean;
  error?: string;
  /** For method `response_url`: the id given to `responseUrl(id)`. */
  responseUrlId?: string;
}

export type SlackResult =
  | ({ ok: true } & Record<string, unknown>)
  | { ok: false; error: string; errors?: (string | Record<string, unknown>)[]; response_metadata?: { messages: string[] } };

/** A file shared by files.completeUploadExternal, with the bytes uploaded to its upload_url. */
export interface StandInFile {
  id: string;
  filename: string;
  title: string;
  /** Where it was shared; null for a file completed without a channel (private to the bot). */
  channelId: string | null;
  /** The uploaded bytes as UTF-8 text (Warden uploads Markdown). */
  content: string;
  initialComment: string | null;
  /** The ts of the message that shared it in the channel. */
  ts: string | null;
}
