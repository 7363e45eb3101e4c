import { escapeMrkdwn } from './escape.js';
import type { SlackMessage } from '../../features/incidents/index.js';

/** One line per verb: the usage and what it does. Verbs registered by other features add their own lines. */
export interface VerbHelp {
  usage: string;
  summary: string;
  /** Only inside an incident channel. */
  inChannel: boolean;
}

/** `<root> help`: the verbs usable anywhere, then those that work inside an incident channel. */
export function rootHelp(root: string, intro: string, verbs: VerbHelp[]): SlackMessage {
  const anywhere = verbs.filter((v) => !v.inChannel);
  const inChannel = verbs.filter((v) => v.inChannel);
  const lines = (vs: VerbHelp[]) => vs.map((v) => `• \`${root} ${escapeMrkdwn(v.usage)}\` ${v.summary}`).join('\n');
  const parts = [intro, anywhere.length ? `*Anywhere*\n${lines(anywhere)}` : '', inChannel.length ? `*Inside an incident channel*\n${lines(inChannel)}` : ''];
  const text = parts.filter(Boolean).join('\n\n');
  return {
    text: `Warden ${root} commands`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: `${root} commands` } },
      { type: 'section', text: { type: 'mrkdwn', text: text.slice(0, 3000) } },
    ],
  };
}
