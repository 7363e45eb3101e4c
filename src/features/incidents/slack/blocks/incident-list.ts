import type { KnownBlock, View } from '@slack/types';
import { commanderOf, type Incident } from '../../domain/incident.js';
import { escapeMrkdwn, mention, slackDate, truncate } from '../../../../adapters/slack/escape.js';
import { statusLabel, type SlackMessage } from './incident-card.js';
import { severityLabel, type IncidentTerms } from '../../domain/vocabulary.js';

const MAX_LISTED = 40;
/** Per App Home list: with the features' sections (14 blocks each) the view stays under Slack's 100 blocks. */
const HOME_LISTED = 20;
/** Slack's limit on the blocks of one App Home view. */
const HOME_MAX_BLOCKS = 100;

function incidentLine(i: Incident, terms: IncidentTerms): string {
  const where = i.channelId ? ` <#${i.channelId}>` : '';
  return `${i.private ? ':lock: ' : ''}*${i.id}* ${i.drill ? '[drill] ' : ''}${escapeMrkdwn(severityLabel(terms.severities, i.severity))} · ${statusLabel(i.status)} · ${escapeMrkdwn(truncate(i.title, 120))}${where} · commander ${mention(commanderOf(i))} · since ${slackDate(i.declaredAt)}`;
}

/** `/incident list`: the open incidents the viewer may see, most recent first; a private one is marked :lock:. */
export function incidentList(open: Incident[], terms: IncidentTerms): SlackMessage {
  if (open.length === 0) return { text: 'No open incidents.', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: ':sunny: No open incidents.' } }] };
  const shown = open.slice(0, MAX_LISTED);
  const blocks: KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: `Open incidents (${open.length})` } }];
  blocks.push(...shown.map((i): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: incidentLine(i, terms) } })));
  if (open.length > shown.length) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${open.length - shown.length} more.` }] });
  return { text: `${open.length} open incident(s)`, blocks };
}

/** App Home: the viewer's incidents and roles first, then everything else open that the viewer may see. */
export function homeView(viewer: string, open: Incident[], terms: IncidentTerms, more: readonly KnownBlock[] = []): View {
  const mine = open.filter((i) => Object.values(i.roles).includes(viewer) || commanderOf(i) === viewer);
  const others = open.filter((i) => !mine.includes(i));
  const roleOf = (i: Incident) => Object.entries(i.roles).filter(([, u]) => u === viewer).map(([r]) => r).join(', ') || 'commander';
  const blocks: KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: 'Your incidents' } }];
  if (mine.length === 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: 'You hold no role in an open incident.' } });
  for (const i of mine.slice(0, HOME_LISTED)) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `${incidentLine(i, terms)}\nYour role: *${roleOf(i)}*` } });
  if (mine.length > HOME_LISTED) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${mine.length - HOME_LISTED} more of yours: \`/incident list\`.` }] });
  blocks.push({ type: 'divider' }, { type: 'header', text: { type: 'plain_text', text: `All open incidents (${open.length})` } });
  for (const i of others.slice(0, HOME_LISTED)) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: incidentLine(i, terms) } });
  if (others.length > HOME_LISTED) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${others.length - HOME_LISTED} more: \`/incident list\`.` }] });
  // The features' sections get what is left of Slack's budget, keeping room for the closing hint.
  blocks.push(...more.slice(0, HOME_MAX_BLOCKS - blocks.length - 1));
  const example = terms.severities[1]?.id ?? terms.severities[0]?.id ?? 'sev2';
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Declare with \`/incident declare ${example} &lt;title&gt;\`; \`/incident help\` lists every command.` }] });
  return { type: 'home', blocks };
}
