import { escapeMrkdwn } from './escape.js';
import type { SlackMessage } from '../../features/incidents/slack/blocks/incident-card.js';

/** One line per verb: the usage and what it does. Verbs registered by other modules add their own lines. */
export interface VerbHelp {
  usage: string;
  summary: string;
  /** Only inside an incident channel. */
  inChannel: boolean;
}

export function incidentHelp(verbs: VerbHelp[]): SlackMessage {
  const anywhere = verbs.filter((v) => !v.inChannel);
  const inChannel = verbs.filter((v) => v.inChannel);
  const lines = (vs: VerbHelp[]) => vs.map((v) => `• \`/incident ${escapeMrkdwn(v.usage)}\` ${v.summary}`).join('\n');
  const text = `*Anywhere*\n${lines(anywhere)}\n\n*Inside an incident channel*\n${lines(inChannel)}`;
  return {
    text: 'Warden /incident commands',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: '/incident commands' } },
      { type: 'section', text: { type: 'mrkdwn', text: text.slice(0, 3000) } },
    ],
  };
}
