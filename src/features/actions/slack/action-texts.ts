import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn, mention, slackDate, truncate } from '../../../adapters/slack/escape.js';
import type { Incident } from '../../incidents/index.js';
import type { ActionChannelLines } from '../app/deps.js';
import type { DmPayload } from '../app/remind-action.js';
import { lateness, type ActionItem } from '../domain/action-item.js';

/** How to close an item from anywhere (a DM, App Home): the incident id goes first. */
export const doneHint = (item: ActionItem) => `\`/incident action done ${item.incidentId} ${item.id} &lt;evidence&gt;\``;

const due = (item: ActionItem, now: Date) =>
  item.status === 'open' && item.dueAt.getTime() <= now.getTime() ? `:warning: *overdue* (due ${slackDate(item.dueAt)})` : `due ${slackDate(item.dueAt)}`;

/** One line per item: id, text, owner, due or done. */
export function itemLine(item: ActionItem, now: Date, withIncident = false): string {
  const where = withIncident ? `${item.incidentId} ` : '';
  const state = item.status === 'done' ? `:white_check_mark: done by ${mention(item.doneBy ?? item.owner)}${item.evidence ? `: ${escapeMrkdwn(truncate(item.evidence, 200))}` : ''}` : due(item, now);
  return `• ${where}*${item.id}* ${escapeMrkdwn(item.text)} (${mention(item.owner)}, ${state})`;
}

export const channelLines: ActionChannelLines = {
  added: (item, by) => `:memo: ${mention(by)} added action item *${item.id}* for ${mention(item.owner)}, due ${slackDate(item.dueAt)}: ${escapeMrkdwn(item.text)}`,
  done: (item, by) => `:white_check_mark: Action item *${item.id}* is done (${mention(by)})${item.evidence ? `: ${escapeMrkdwn(item.evidence)}` : '.'}`,
  reassigned: (item, from, by) => `:arrows_counterclockwise: ${mention(by)} gave action item *${item.id}* from ${mention(from)} to ${mention(item.owner)}.`,
};

/** The incident as a DM or the managers' channel names it: a private one by its id alone. */
const incidentName = (incident: Incident) => (incident.private ? `*${incident.id}*` : `*${incident.id}* (${escapeMrkdwn(truncate(incident.title, 80))})`);

/** The owner's reminder: which incident, the item, its due time, which reminder it is, and how to close it. */
export function reminderDm(incident: Incident, item: ActionItem, p: DmPayload, now: Date): { text: string; blocks: KnownBlock[] } {
  const when =
    p.kind === 'overdue'
      ? `It is *overdue by ${lateness(now.getTime() - item.dueAt.getTime())}* (it was due ${slackDate(item.dueAt)}).`
      : p.kind === 'due'
        ? `It is due *now* (${slackDate(item.dueAt)}).`
        : `It is due ${slackDate(item.dueAt)}.`;
  const text = [
    `:alarm_clock: Your action item *${item.id}* of ${incidentName(incident)}: ${escapeMrkdwn(item.text)}`,
    `${when} Reminder ${p.n + 1} of ${p.total}.`,
    `When it is done: ${doneHint(item)}`,
  ].join('\n');
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } }] };
}

/** The managers' channel hears of an item still open after `escalateAfter`: owner, incident, item, how late. */
export function escalationMessage(incident: Incident, item: ActionItem, now: Date): { text: string; blocks: KnownBlock[] } {
  const what = incident.private ? '' : `: ${escapeMrkdwn(item.text)}`;
  const text = `:rotating_light: Action item *${item.id}* of ${incidentName(incident)} is *overdue by ${lateness(now.getTime() - item.dueAt.getTime())}*${what}\nOwner: ${mention(item.owner)}, due ${slackDate(item.dueAt)}.`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } }] };
}

const HOME_ITEMS = 10;

/** App Home: the viewer's open items, soonest due first (overdue marked), at most ten and how many more. */
export function homeBlocks(items: readonly ActionItem[], total: number, now: Date): KnownBlock[] {
  if (total === 0) return [];
  const shown = items.slice(0, HOME_ITEMS);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: `Your action items (${total} open)` } },
    ...shown.map((item): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: truncate(itemLine(item, now, true), 3000) } })),
  ];
  const more = total - shown.length;
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: more > 0 ? `…and ${more} more: \`/incident action list mine\`` : 'Close one with `/incident action done &lt;incident&gt; &lt;id&gt; &lt;evidence&gt;`' }] });
  return blocks;
}

/** A list as sections of at most 3,000 characters (Slack's limit), at most `maxBlocks` of them. */
export function listBlocks(title: string, lines: readonly string[], maxBlocks = 40): { text: string; blocks: KnownBlock[] } {
  const chunks: string[] = [title];
  for (const line of lines) {
    const last = chunks.length - 1;
    if ((chunks[last] as string).length + line.length + 1 > 3000) chunks.push(line);
    else chunks[last] = `${chunks[last]}\n${line}`;
  }
  const blocks = chunks.slice(0, maxBlocks).map((text): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } }));
  return { text: title, blocks };
}
