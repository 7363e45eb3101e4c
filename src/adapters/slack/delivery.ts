import type { ChatPostMessageArguments, ChatPostMessageResponse, ConversationsHistoryResponse, WebClient } from '@slack/web-api';

/** The metadata event type of every post a job makes: `{ job, n }` names the job and the post's number in it. */
export const DELIVERY_EVENT = 'warden_delivery';

/** How far back a resumed job looks, before it first sent, for clocks a little apart; and how many pages at most. */
const SKEW_SECONDS = 60;
const PAGES = 5;
const PAGE_SIZE = 200;

export function deliveryTag(jobId: number, n: number): { event_type: string; event_payload: { job: number; n: number } } {
  return { event_type: DELIVERY_EVENT, event_payload: { job: jobId, n } };
}

type Message = NonNullable<ConversationsHistoryResponse['messages']>[number];

const isTagged = (m: Message, job: number, n: number) => {
  const payload = m.metadata?.event_payload as { job?: unknown; n?: unknown } | undefined;
  return m.metadata?.event_type === DELIVERY_EVENT && payload?.job === job && payload.n === n;
};

/**
 * The post a resumed job made in an earlier run, found by its metadata in the channel's history (or the thread's
 * replies) since it first sent: the answer Slack gave then, rebuilt, so the job goes on as if it had heard it.
 * DMs are looked up too, in the bot's own DM with the person (`im:history`).
 */
export async function findDelivered(client: WebClient, post: ChatPostMessageArguments, jobId: number, n: number, since: Date): Promise<ChatPostMessageResponse | undefined> {
  const channel = post.channel;
  if (!channel) return undefined;
  const oldest = (since.getTime() / 1000 - SKEW_SECONDS).toFixed(6);
  const threadTs = 'thread_ts' in post && typeof post.thread_ts === 'string' ? post.thread_ts : undefined;
  let cursor: string | undefined;
  for (let page = 0; page < PAGES; page++) {
    const query = { channel, oldest, include_all_metadata: true, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) };
    const answer = threadTs ? await client.conversations.replies({ ...query, ts: threadTs }) : await client.conversations.history(query);
    const found = answer.messages?.find((m) => isTagged(m, jobId, n));
    if (found) return { ok: true, channel, ts: found.ts, message: found } as ChatPostMessageResponse;
    cursor = answer.response_metadata?.next_cursor;
    if (!cursor) return undefined;
  }
  return undefined;
}
