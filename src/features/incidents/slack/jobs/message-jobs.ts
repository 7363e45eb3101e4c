import { channelNotReady } from '../../../../adapters/slack/gateway.js';
import type { PostPayload } from '../../app/outbox.js';
import { homeIncidents } from '../../app/visible-incidents.js';
import { WardenError } from '../../../../platform/errors.js';
import type { IncidentRole } from '../../domain/incident-model.js';
import { incidentCard } from '../blocks/incident-card.js';
import { renderChannelMessage } from '../blocks/channel-message.js';
import { homeView } from '../blocks/incident-list.js';
import { announcedInThread } from '../../domain/visibility.js';
import type { SlackDeps } from '../../../../adapters/slack/commands/registry.js';
import type { SlackGateway } from '../../../../adapters/slack/gateway.js';
import type { HomeSections } from '../../../../adapters/slack/home.js';

/** Delivery of queued messages, card refreshes, role DMs and App Home refreshes. One Slack call per job where possible. */
export function messageJobs(deps: SlackDeps, slack: SlackGateway, home: HomeSections) {
  const incidentOf = (incidentId: string) => {
    const incident = deps.store.incidents.get(incidentId);
    if (!incident) throw new WardenError('not_found', `No incident ${incidentId}`);
    return incident;
  };

  return {
    async post(payload: PostPayload): Promise<void> {
      const incident = incidentOf(payload.incidentId);
      const message = renderChannelMessage(incident, payload.message);
      if (payload.target === 'announcement_thread') {
        if (!incident.announcementChannel || !incident.announcementTs) return; // no announcement channel configured
        if (!announcedInThread(incident, payload.message.type)) return; // everyone reads that thread
        await slack.call((c) => c.chat.postMessage({ channel: incident.announcementChannel as string, thread_ts: incident.announcementTs as string, ...message }));
        return;
      }
      if (!incident.channelId) throw channelNotReady(incident.id);
      await slack.call((c) => c.chat.postMessage({ channel: incident.channelId as string, ...message }));
    },

    async refreshCard(incidentId: string): Promise<void> {
      const incident = incidentOf(incidentId);
      if (!incident.channelId || !incident.cardTs) return; // provisioning posts the current card itself
      await slack.call((c) => c.chat.update({ channel: incident.channelId as string, ts: incident.cardTs as string, ...incidentCard(incident, deps.policy) }));
    },

    async dmRole({ incidentId, role, userId }: { incidentId: string; role: IncidentRole; userId: string }): Promise<void> {
      const incident = incidentOf(incidentId);
      const where = incident.channelId ? `<#${incident.channelId}>` : incident.id;
      const text = `You are now *${role}* for *${incident.id}* (${incident.severity}) in ${where}.\n\n*Your duties*\n${deps.policy.roleDuty(role)}`;
      await slack.dm(userId, { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] });
    },

    async refreshHome(user: string): Promise<void> {
      await slack.call((c) => c.views.publish({ user_id: user, view: homeView(user, homeIncidents(deps.store, user), deps.policy, home.blocksFor(user)) }));
    },
  };
}

