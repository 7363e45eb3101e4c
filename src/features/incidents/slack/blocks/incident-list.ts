import type { KnownBlock, View } from '@slack/types';
import { commanderOf, type Incident } from '../../domain/incident.js';
import type { HomeIncidents, OpenPage } from '../../app/visible-incidents.js';
import { escapeMrkdwn, mention, slackDate, truncate } from '../../../../adapters/slack/escape.js';
import { statusLabel, type SlackMessage } from './incident-card.js';
import { severityLabel, type IncidentTerms } from '../../domain/vocabulary.js';

/** Slack's limit on the blocks of one App Home view. */
const HOME_MAX_BLOCKS = 100;
/** The "More" button under a page of `/incident list`; its value is where the next page starts. */
export const LIST_MORE_ACTION = 'incident_list_more';

/** What the "More" button carries: how many were shown before the next page, and where it starts. */
export interface ListMoreValue {
  shown: number;
  at: string;
  id: string;
}

function incidentLine(i: Incident, terms: IncidentTerms): string {
  const where = i.channelId ? ` <#${i.channelId}>` : '';
  return `${i.private ? ':lock: ' : ''}*${i.id}* ${i.drill ? '[drill] ' : ''}${escapeMrkdwn(severityLabel(terms.severities, i.severity))} · ${statusLabel(i.status)} · ${escapeMrkdwn(truncate(i.title, 120))}${where} · commander ${mention(commanderOf(i))} · since ${slackDate(i.declaredAt)}`;
}

/**
 * `/incident list`: one page of the open incidents the viewer may see, newest first (a private one is marked
 * :lock:), numbered from `shownBefore + 1`, with a "More" button when an older page exists.
 */
export function incidentList(page: OpenPage, terms: IncidentTerms, shownBefore = 0): SlackMessage {
  const { incidents, next } = page;
  if (incidents.length === 0) {
    const text = shownBefore === 0 ? 'No open incidents.' : 'No more open incidents.';
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `:sunny: ${text}` } }] };
  }
  const range = `${shownBefore + 1}–${shownBefore + incidents.length}`;
  const blocks: KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: `Open incidents, newest first (${range})` } }];
  blocks.push(...incidents.map((i): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: incidentLine(i, terms) } })));
  if (next) {
    const value: ListMoreValue = { shown: shownBefore + incidents.length, at: next.declaredAt, id: next.id };
    blocks.push({ type: 'actions', block_id: 'incident_list_more', elements: [{ type: 'button', action_id: LIST_MORE_ACTION, text: { type: 'plain_text', text: 'More' }, value: JSON.stringify(value) }] });
  } else if (shownBefore > 0) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: 'That is every open incident you may see.' }] });
  }
  return { text: `Open incidents ${range}`, blocks };
}

const more = (text: string): KnownBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });

/** App Home: the viewer's incidents and roles first, then the newest others open that the viewer may see. */
export function homeView(viewer: string, lists: HomeIncidents, terms: IncidentTerms, sections: readonly KnownBlock[] = []): View {
  const { mine, others } = lists;
  const roleOf = (i: Incident) => Object.entries(i.roles).filter(([, u]) => u === viewer).map(([r]) => r).join(', ') || 'commander';
  const blocks: KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: 'Your incidents' } }];
  if (mine.length === 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: 'You hold no role in an open incident.' } });
  for (const i of mine) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `${incidentLine(i, terms)}\nYour role: *${roleOf(i)}*` } });
  if (lists.moreMine) blocks.push(more('…and more of yours: `/incident list`.'));
  blocks.push({ type: 'divider' }, { type: 'header', text: { type: 'plain_text', text: 'Other open incidents' } });
  if (others.length === 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: 'No other open incident you may see.' } });
  for (const i of others) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: incidentLine(i, terms) } });
  if (lists.moreOthers) blocks.push(more('…and more: `/incident list`.'));
  // The features' sections get what is left of Slack's budget, keeping room for the closing hint.
  blocks.push(...sections.slice(0, HOME_MAX_BLOCKS - blocks.length - 1));
  const example = terms.severities[1]?.id ?? terms.severities[0]?.id ?? 'sev2';
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Declare with \`/incident declare ${example} &lt;title&gt;\`; \`/incident help\` lists every command.` }] });
  return { type: 'home', blocks };
}
