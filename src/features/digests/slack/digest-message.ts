import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn, mention, slackDate, truncate } from '../../../adapters/slack/escape.js';
import type { SlackMessage } from '../../incidents/index.js';
import type { DigestPart, Marks } from '../domain/digest-part.js';
import { formatDuration } from '../../../platform/duration.js';

/** How user text, people and instants read in a digest: escaped, mentioned, in each reader's own zone. */
export const slackMarks: Marks = {
  text: (s, max = 200) => escapeMrkdwn(truncate(s, max)),
  person: mention,
  at: (d) => slackDate(d),
};

const SECTION_MAX = 3000;

/** A section's mrkdwn, cut on a line boundary under Slack's 3,000 characters (lines are short: this is a backstop). */
function sectionText(part: DigestPart): string {
  const more = part.more ? `…and ${part.more.count} more: \`${part.more.command}\`` : null;
  const lines = [`*${part.title}*`, ...part.lines];
  const room = SECTION_MAX - (more ? more.length + 1 : 0);
  while (lines.join('\n').length > room && lines.length > 1) lines.pop();
  const text = truncate(lines.join('\n'), room);
  return more ? `${text}\n${more}` : text;
}

/** What the digest says of itself: when it was built, the zone of its schedule, and a late or skipped run. */
export interface DigestHeading {
  builtAt: Date;
  timeZone: string;
  lateMs?: number;
  skipped?: readonly Date[];
}

/** One message: a header, when and in which zone, then one section per part (at most 10 blocks: far under 50). */
export function digestMessage(parts: readonly DigestPart[], h: DigestHeading): SlackMessage {
  const notes = [`Built ${slackDate(h.builtAt)} · schedule in ${h.timeZone}`];
  if (h.lateMs && h.lateMs > 60_000) notes.push(`:hourglass: *${formatDuration(h.lateMs)} late*: Warden was down at the scheduled time`);
  if (h.skipped && h.skipped.length > 0) notes.push(`Skipped (Warden was down for more than 6 h): ${h.skipped.map((d) => slackDate(d)).join(', ')}`);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: "Managers' digest" } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: notes.join('\n') }] },
    ...parts.map((p): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: sectionText(p) } })),
  ];
  const text = `Managers' digest: ${parts.map((p) => p.title).join(', ')}`;
  return { text, blocks };
}
