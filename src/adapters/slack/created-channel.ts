import type { ConversationsCreateArguments, ConversationsCreateResponse, WebClient } from '@slack/web-api';

/** How far back, before the earlier run first sent, a channel counts as its own (clocks a little apart); pages at most. */
const SKEW_SECONDS = 60;
const PAGES = 10;
const PAGE_SIZE = 1000;

/**
 * The channel a resumed job created in an earlier run whose answer was lost: Slack now says `name_taken` for
 * it. It is the one of that name that the bot itself created since the job first sent; Slack's answer is rebuilt
 * so the job goes on with it instead of making `name-2`. Slack has no lookup by name, so the list is read (10,000
 * channels at most): null when no such channel is found, and the job tries the next name as usual.
 */
export async function findCreatedChannel(client: WebClient, create: ConversationsCreateArguments, since: Date): Promise<ConversationsCreateResponse | null> {
  const own = await ownUserId(client);
  const types = create.is_private ? 'private_channel' : 'public_channel';
  const after = since.getTime() / 1000 - SKEW_SECONDS;
  let cursor: string | undefined;
  for (let page = 0; page < PAGES; page++) {
    const answer = await client.conversations.list({ types, exclude_archived: true, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
    const found = answer.channels?.find((c) => c.name === create.name && c.creator === own && (c.created ?? 0) >= after);
    if (found) return { ok: true, channel: found } as ConversationsCreateResponse;
    cursor = answer.response_metadata?.next_cursor;
    if (!cursor) return null;
  }
  return null;
}

const owners = new WeakMap<WebClient, Promise<string | undefined>>();

/** The bot's own user id, asked of auth.test once per client. */
function ownUserId(client: WebClient): Promise<string | undefined> {
  let id = owners.get(client);
  if (!id) {
    id = client.auth.test().then((a) => a.user_id);
    owners.set(client, id);
    // A failed lookup is not remembered: the next resumed job asks again.
    id.catch(() => owners.delete(client));
  }
  return id;
}
