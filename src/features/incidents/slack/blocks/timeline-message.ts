import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn, mention, slackDate, truncate } from '../../../../adapters/slack/escape.js';
import type { TimelineEntry, TimelineKind } from '../../domain/incident.js';
import type { TimelinePage } from '../../domain/timeline-pages.js';
import type { SlackMessage } from './incident-card.js';

/** What an entry's text is cut to (as typed, before escaping), so one entry never fills a message. */
export const ENTRY_TEXT_MAX = 300;
/** Slack's limit on a section's text. */
const SECTION_MAX = 3000;

const KIND_LABELS: Record<TimelineKind, string> = {
  declared: 'declared',
  status_changed: 'status',
  severity_changed: 'severity',
  role_assigned: 'role',
  update: 'update',
  note: 'note',
  pinned: 'pinned',
  flag_changed: 'flags',
  visibility_changed: 'visibility',
  playbook: 'playbook',
  clock_event: 'clock',
  notice: 'notice',
  page: 'page',
  review: 'review',
  action_item: 'action item',
};

/** Who made the entry: a person as a mention, Warden itself or PagerDuty by name. */
function actorText(actor: string): string {
  if (/^[UW][A-Z0-9]{2,}$/.test(actor)) return mention(actor);
  return `_${escapeMrkdwn(truncate(actor, 40))}_`;
}

/** One line per entry; a stored kind this version does not know is shown as stored. */
export function entryLine(e: TimelineEntry): string {
  const label = KIND_LABELS[e.kind] ?? escapeMrkdwn(truncate(String(e.kind), 30));
  const text = escapeMrkdwn(truncate(e.text.replace(/\s*\n\s*/g, ' '), ENTRY_TEXT_MAX));
  return `${slackDate(e.at)} · *${label}* · ${actorText(e.actor)}: ${text}`;
}

/** Lines packed into as few sections as Slack's 3,000 characters a section allow (each line is far shorter). */
function packSections(lines: readonly string[]): KnownBlock[] {
  const sections: string[] = [];
  for (const line of lines) {
    const last = sections.at(-1);
    if (last !== undefined && last.length + 1 + line.length <= SECTION_MAX) sections[sections.length - 1] = `${last}\n${line}`;
    else sections.push(line);
  }
  return sections.map((text): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } }));
}

const pageCommand = (n: number) => `\`/incident timeline page ${n}\``;

/**
 * `/incident timeline`: one page, oldest entry first, times in each reader's own zone. Paging is by typed
 * command (named in the footer), not buttons: an ephemeral reply can only be replaced through its click's
 * response_url, which Slack honours five times in 30 minutes and forgets when the client reloads.
 */
export function timelineMessage(incidentId: string, p: TimelinePage, entries: readonly TimelineEntry[]): SlackMessage {
  if (p.total === 0) {
    const text = `*${incidentId}* has no timeline entries yet.`;
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
  }
  const first = p.offset + 1;
  const last = p.offset + entries.length;
  const title = `*Timeline of ${incidentId}* · entries ${first}–${last} of ${p.total} · page ${p.page} of ${p.pages}`;
  const newer = p.page < p.pages ? [`Newer: ${pageCommand(p.page + 1)}`, 'Newest: `/incident timeline`'] : [];
  const moves = [...(p.page > 1 ? [`Older: ${pageCommand(p.page - 1)}`] : []), ...newer];
  const footer = moves.length > 0 ? moves.join(' · ') : 'That is the whole timeline.';
  return {
    text: `Timeline of ${incidentId}, page ${p.page} of ${p.pages}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: title } },
      ...packSections(entries.map(entryLine)),
      { type: 'context', elements: [{ type: 'mrkdwn', text: footer }] },
    ],
  };
}
