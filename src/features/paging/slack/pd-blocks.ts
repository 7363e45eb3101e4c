import type { KnownBlock } from '@slack/types';
import type { SlackMessage } from '../../incidents/index.js';
import { channelLink, escapeMrkdwn, truncate } from '../../../adapters/slack/escape.js';
import type { PdIncidentRecord } from '../domain/pd-incident.js';
import { changeLine } from '../domain/pd-incident.js';
import type { ChangePost } from '../app/inbound-jobs.js';

export const DECLARE_ACTION = 'paging.declare';

/** A link only to a plain https URL: PagerDuty's `html_url` must not smuggle mrkdwn (`|`, `>`) into the message. */
function link(url: string | null, label: string): string {
  return url && /^https:\/\/[^\s<>|]+$/.test(url) ? ` <${url}|${label}>` : '';
}

/** Where a linked incident is, as the announcement says it. */
export interface LinkedIncident {
  id: string;
  channelId: string | null;
}

/**
 * The announcement of a PagerDuty incident Warden did not start: title (escaped), urgency, service, link, and
 * a Declare button while it is neither declared nor resolved; once declared, which incident it became.
 */
export function pdAnnouncement(pd: PdIncidentRecord, linked: LinkedIncident | null): SlackMessage {
  const title = escapeMrkdwn(truncate(pd.title, 250));
  const facts = [pd.urgency ? `${pd.urgency} urgency` : null, pd.serviceName ? escapeMrkdwn(truncate(pd.serviceName, 100)) : null, pd.status].filter(Boolean).join(' · ');
  const text = `:pager: *PagerDuty incident*: ${title}`;
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `${text}${link(pd.htmlUrl, 'Open in PagerDuty')}` } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: facts }] },
  ];
  if (linked) {
    const where = linked.channelId ? ` in ${channelLink(linked.channelId)}` : '';
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `Declared as *${linked.id}*${where}.` } });
  } else if (pd.status !== 'resolved') {
    blocks.push({
      type: 'actions',
      block_id: 'paging.pd_incident',
      elements: [{ type: 'button', action_id: DECLARE_ACTION, text: { type: 'plain_text', text: 'Declare incident' }, value: pd.pdIncidentId, style: 'primary' }],
    });
  }
  return { text: linked ? `${text} (declared as ${linked.id})` : text, blocks };
}

/** A change in PagerDuty, posted in the incident channel. Resolving there leaves the Warden incident to a person. */
export function changeMessage(post: ChangePost): SlackMessage {
  const line = escapeMrkdwn(changeLine(post.change, post.agent, post.assignees));
  const resolveNote = post.change === 'resolved' ? `\nThis does not resolve ${post.incidentId}: when the response is over, run \`/incident resolve\` here.` : '';
  const text = `:pager: ${line}.${link(post.htmlUrl, post.pdIncidentId)}${resolveNote}`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
