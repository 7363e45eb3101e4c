import { cutText } from '../../platform/text.js';

/**
 * Escapes user-typed text for any Slack text (mrkdwn, plain_text, topics): `&`, `<` and `>` become entities, so a user
 * cannot make Warden post `<!channel>`, a user group or a disguised `<https://…|link>`. A person mention
 * (`<@U…>`) and a channel link (`<#C…>`), as `decodeSlackText` stores them, stay what the person made them.
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replace(/&lt;(@[UW][A-Z0-9]{2,}|#C[A-Z0-9]{2,})&gt;/g, '<$1>');
}

/**
 * Cuts text to `max` UTF-16 units (Slack's field limits), between graphemes, marking the cut with an ellipsis.
 * Escaped text is never left ending in half an entity (`&am…`): Slack would show the fragment.
 */
export function truncate(text: string, max: number): string {
  const cut = cutText(text, max);
  return cut === text ? text : cut.replace(/&[a-z]{0,3}…$/, '…');
}

/** A Slack date token: each reader sees the instant in their own time zone; the fallback is UTC. */
export function slackDate(at: Date, format = '{date_short_pretty} {time}'): string {
  const fallback = `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${Math.floor(at.getTime() / 1000)}^${format}|${fallback}>`;
}

export const mention = (userId: string): string => `<@${userId}>`;
export const channelLink = (channelId: string): string => `<#${channelId}>`;
