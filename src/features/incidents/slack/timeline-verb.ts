import { WardenError } from '../../../platform/errors.js';
import { escapeMrkdwn, truncate } from '../../../adapters/slack/escape.js';
import type { Verb } from '../../../adapters/slack/commands/registry.js';
import { incidentInChannel } from '../app/record.js';
import { readTimeline } from '../app/read-timeline.js';
import { timelineMessage } from './blocks/timeline-message.js';

const USAGE = '/incident timeline [page N]';

/** `` (the newest page), `page 3` or `3`. */
export function parseTimelineArgs(args: string): number | 'last' {
  const words = args.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const number = words[0] === 'page' ? words.slice(1) : words;
  if (words.length === 0) return 'last';
  if (number.length === 1 && /^\d{1,9}$/.test(number[0] ?? '')) return Number(number[0]);
  const got = words[0] === 'page' && number.length === 0 ? 'Which page?' : `\`${escapeMrkdwn(truncate(args.trim(), 40))}\` is not a page number.`;
  throw new WardenError('bad_input', `${got} Usage: \`${USAGE}\` (1 is the oldest page; no number shows the newest).`);
}

/**
 * `/incident timeline [page N]` in the incident channel: the timeline, paged, to the person asking alone.
 * Who may read it is the dispatcher's `member` row: a command typed in the channel (a private incident's
 * channel admits only its members). It reads the same after resolve and close.
 */
export const timeline: Verb = {
  name: 'timeline',
  help: { usage: 'timeline [page N]', summary: 'read the timeline (newest page first; 1 is the oldest)', inChannel: true },
  run(ctx) {
    const incident = incidentInChannel(ctx.deps.store, ctx.channelId, 'timeline');
    const { page, entries } = readTimeline(ctx.deps.store, incident.id, parseTimelineArgs(ctx.args));
    return timelineMessage(incident.id, page, entries);
  },
};
