import type { KnownBlock } from '@slack/types';
import type { ChannelMessage } from '../../app/outbox.js';
import { formatDuration } from '../../../../platform/duration.js';
import type { Incident } from '../../domain/incident.js';
import { escapeMrkdwn, mention, truncate } from '../../../../adapters/slack/escape.js';
import { statusLabel, type SlackMessage } from './incident-card.js';

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } });

/** Renders a queued channel message. User text is escaped here, at the last step before Slack. */
export function renderChannelMessage(incident: Incident, m: ChannelMessage): SlackMessage {
  const text = messageText(incident, m);
  const blocks: KnownBlock[] = [section(text)];
  if (m.type === 'update') {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `${incident.id} · ${m.severity} · ${statusLabel(m.status)} · posted by ${mention(m.by)}` }] });
  }
  return { text: truncate(text, 3000), blocks };
}

function messageText(incident: Incident, m: ChannelMessage): string {
  switch (m.type) {
    case 'status_changed':
      return `${statusLabel(m.to)} ${mention(m.by)} moved *${incident.id}* from ${m.from} to *${m.to}*.`;
    case 'severity_changed':
      return `:rotating_light: ${mention(m.by)} changed the severity of *${incident.id}* from ${m.from} to *${m.to}*.`;
    case 'role_assigned':
      return `:bust_in_silhouette: ${mention(m.userId)} is now *${m.role}* (assigned by ${mention(m.by)}).`;
    case 'update':
      return `:mega: *Status update* (${m.severity}, ${m.status})\n${escapeMrkdwn(m.text)}`;
    case 'note':
      return `:memo: Note from ${mention(m.by)}: ${escapeMrkdwn(m.text)}`;
    case 'update_reminder':
      return `:alarm_clock: ${mention(m.commander)}, it has been ${formatDuration(m.overdueMs)} since the last update on *${incident.id}*. Post one with \`/incident update &lt;what changed&gt;\`.${reminderCount(m.number, m.max)}`;
    case 'text':
      return m.text;
  }
}

/** "Reminder 2 of 3", and on the last one that no more follow until an update (the cap is never silent). */
function reminderCount(number: number | undefined, max: number | undefined): string {
  if (number === undefined || max === undefined) return '';
  return number >= max
    ? ` Reminder ${number} of ${max}, the last: Warden stops reminding until the next update.`
    : ` Reminder ${number} of ${max}.`;
}
