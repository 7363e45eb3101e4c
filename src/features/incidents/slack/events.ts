import type { WebClient } from '../../../adapters/slack/gateway.js';
import { homeIncidents } from '../app/visible-incidents.js';
import type { SlackListeners } from '../../../adapters/slack/listeners.js';
import { decodeSlackText } from '../../../adapters/slack/slack-text.js';
import { recordPinnedMessage } from '../app/post-update.js';
import { memberJoined, memberLeft } from '../app/track-membership.js';
import type { HomeSections } from '../../../adapters/slack/home.js';
import { homeView } from './blocks/incident-list.js';
import type { SlackDeps } from '../../../adapters/slack/commands/registry.js';

/** Reads one message's author and text by channel and ts (a top-level message, or a reply in a thread). */
async function fetchMessage(client: WebClient, channel: string, ts: string): Promise<{ user: string; text: string } | null> {
  const history = await client.conversations.history({ channel, latest: ts, inclusive: true, limit: 1 });
  const top = history.messages?.find((m) => m.ts === ts);
  if (top) return { user: top.user ?? top.bot_id ?? 'unknown', text: top.text ?? '' };
  // A reply: Slack answers with the thread's parent first, so ask for the window ending at the reply itself.
  const replies = await client.conversations.replies({ channel, ts, latest: ts, oldest: ts, inclusive: true, limit: 2 });
  const reply = replies.messages?.find((m) => m.ts === ts);
  return reply ? { user: reply.user ?? reply.bot_id ?? 'unknown', text: reply.text ?? '' } : null;
}

/**
 * Events: a message pinned or reacted with :pushpin: in an incident channel goes to the timeline with the
 * message's own time; people joining and leaving an incident channel become and stop being its members;
 * App Home shows the viewer's incidents. Slack redelivers events it thinks were
 * missed, so each event id is handled once.
 */
export function registerEvents(on: SlackListeners, deps: SlackDeps, home: HomeSections): void {
  const firstTime = (eventId: string | undefined) => !eventId || deps.store.firstSighting(`event:${eventId}`, deps.clock.now());

  on.event('pin_added', (event, eventId) => {
    if (!firstTime(eventId)) return;
    const incident = deps.store.incidents.byChannel(event.channel_id);
    const message = event.item.message;
    if (!incident || !message?.ts) return;
    recordPinnedMessage(deps, { userId: event.user }, incident.id, { ts: message.ts, author: message.user ?? 'unknown', text: decodeSlackText(message.text ?? '') });
  });

  on.event('reaction_added', async (event, eventId, slack) => {
    if (!firstTime(eventId) || event.reaction !== 'pushpin' || event.item.type !== 'message') return;
    const incident = deps.store.incidents.byChannel(event.item.channel);
    if (!incident) return;
    const message = await fetchMessage(slack, event.item.channel, event.item.ts);
    if (!message) {
      on.logger.warn({ channel: event.item.channel, ts: event.item.ts }, 'pinned message not found');
      return;
    }
    recordPinnedMessage(deps, { userId: event.user }, incident.id, { ts: event.item.ts, author: message.user, text: decodeSlackText(message.text) });
  });

  // Who is in an incident's channel decides who sees a private incident.
  on.event('member_joined_channel', (event, eventId) => {
    const incident = deps.store.incidents.byChannel(event.channel);
    if (incident && firstTime(eventId)) memberJoined(deps, incident.id, event.user);
  });

  on.event('member_left_channel', (event, eventId) => {
    const incident = deps.store.incidents.byChannel(event.channel);
    if (incident && firstTime(eventId)) memberLeft(deps, incident.id, event.user);
  });

  on.event('app_home_opened', async (event, eventId, slack) => {
    if (event.tab !== 'home' || !firstTime(eventId)) return;
    await slack.views.publish({ user_id: event.user, view: homeView(event.user, homeIncidents(deps.store, event.user), deps.policy, home.blocksFor(event.user)) });
  });
}
