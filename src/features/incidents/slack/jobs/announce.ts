import type { Incident } from '../../domain/incident.js';
import { announcement } from '../blocks/incident-card.js';
import { slackErrorCode, type SlackGateway, channelNotReady } from '../../../../adapters/slack/gateway.js';
import type { SlackDeps } from '../../../../adapters/slack/commands/registry.js';

/**
 * Posts an incident's announcement and stores where it went, so a retry never posts it twice. When Warden
 * cannot post there (not invited, channel gone), the incident still runs: its channel is told once what to fix.
 */
export function announcer(deps: SlackDeps, slack: SlackGateway, announcementsChannel: string | null) {
  return async function announce(incident: Incident, channelPrivate = false): Promise<void> {
    if (!announcementsChannel || incident.announcementTs) return;
    if (!incident.channelId) throw channelNotReady(incident.id);
    const target = announcementsChannel;
    try {
      const posted = await slack.call((c) => c.chat.postMessage({ channel: target, ...announcement(incident, channelPrivate) }));
      deps.store.incidents.update(incident.id, { announcementChannel: posted.channel ?? target, announcementTs: posted.ts ?? null });
    } catch (error) {
      const code = slackErrorCode(error);
      if (code !== 'not_in_channel' && code !== 'channel_not_found' && code !== 'is_archived') throw error;
      const channel = incident.channelId;
      const text = `:warning: I could not announce ${incident.id} in the announcements channel (\`${target}\`: ${code}). Invite @warden there, or fix \`channels.announcements\` in warden.yaml. Updates stay in this channel meanwhile.`;
      await slack.call((c) => c.chat.postMessage({ channel, text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] }));
    }
  };
}
