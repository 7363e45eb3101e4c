import type { KnownBlock } from '@slack/types';
import { commanderOf, type Incident } from '../../domain/incident.js';
import { rolesToShow, severityLabel, type IncidentTerms } from '../../domain/vocabulary.js';
import { escapeMrkdwn, mention, slackDate, truncate } from '../../../../adapters/slack/escape.js';

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

const STATUS_EMOJI: Record<Incident['status'], string> = {
  investigating: ':mag:',
  identified: ':dart:',
  monitoring: ':eyes:',
  resolved: ':white_check_mark:',
  closed: ':lock:',
};

export const statusLabel = (status: Incident['status']): string => `${STATUS_EMOJI[status]} ${status}`;

/** The incident card pinned at the top of its channel; re-rendered and updated in place on every change. */
export function incidentCard(incident: Incident, terms: IncidentTerms): SlackMessage {
  const roles = rolesToShow(terms.roles, incident.roles).map(({ id, label }) => {
    const who = id === 'commander' ? commanderOf(incident) : incident.roles[id];
    return `*${escapeMrkdwn(label)}*: ${who ? mention(who) : '_unassigned_'}`;
  });
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(`${incident.drill ? '[DRILL] ' : ''}${incident.id} · ${escapeMrkdwn(incident.title)}`, 150) } },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Severity*\n${escapeMrkdwn(severityLabel(terms.severities, incident.severity))}` },
        { type: 'mrkdwn', text: `*Status*\n${statusLabel(incident.status)}` },
        { type: 'mrkdwn', text: `*Declared*\n${slackDate(incident.declaredAt)} by ${mention(incident.declaredBy)}` },
        { type: 'mrkdwn', text: `*Last update*\n${incident.lastUpdateAt ? slackDate(incident.lastUpdateAt) : '_none yet_'}` },
      ],
    },
    { type: 'section', text: { type: 'mrkdwn', text: roles.join('\n') } },
  ];
  if (incident.description) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(escapeMrkdwn(incident.description), 3000) } });
  const facts = [`type: ${incident.type}`, ...(incident.flags.length ? [`flags: ${incident.flags.join(', ')}`] : []), ...(incident.private ? [':lock: private'] : [])];
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `${facts.join(' · ')} · \`/incident help\` for commands` }] });
  return { text: `${incident.id} ${incident.severity} ${incident.status}: ${escapeMrkdwn(incident.title)}`, blocks };
}

/**
 * The announcement in the announcements channel, which everyone reads. A public incident: what happened and
 * where to join. A private one: only that it exists, its number, severity and declarer; no title, no channel.
 * `channelPrivate`: the channel of a public incident that started private, which people must ask to join.
 */
export function announcement(incident: Incident, channelPrivate = false): SlackMessage {
  if (incident.private) return privateAnnouncement(incident);
  const where = incident.channelId ? `<#${incident.channelId}>` : `#${incident.channelName ?? ''}`;
  const join = channelPrivate ? `Its channel ${where} stays private: ask ${mention(commanderOf(incident))} to invite you` : `Join ${where}`;
  const text = `:rotating_light: ${incident.drill ? '*DRILL* ' : ''}*${incident.id}* (${incident.severity}) declared: ${escapeMrkdwn(incident.title)}. ${join}`;
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `Commander: ${mention(commanderOf(incident))} · Status: ${incident.status} · Updates follow in this thread` }] },
    ],
  };
}

function privateAnnouncement(incident: Incident): SlackMessage {
  const text = `:lock: ${incident.drill ? '*DRILL* ' : ''}A private incident, *${incident.id}* (${incident.severity}), was declared by ${mention(incident.declaredBy)}.`;
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Only its members see the details. Status changes follow in this thread.' }] },
    ],
  };
}
