import { z } from 'zod';
import { mention } from '../../../../adapters/slack/escape.js';
import { slackErrorCode, type SlackGateway } from '../../../../adapters/slack/gateway.js';
import type { SlackDeps } from '../../../../adapters/slack/commands/registry.js';
import { requireIncident } from '../../app/record.js';

export const inviteRefusedPayload = z.object({ incidentId: z.string(), refused: z.array(z.object({ user: z.string(), error: z.string() })).min(1) });
type Payload = z.infer<typeof inviteRefusedPayload>;

/** Slack's reasons, in words a responder can act on. */
const REASONS: Readonly<Record<string, string>> = {
  user_is_restricted: 'is a guest account, which apps cannot invite',
  user_is_ultra_restricted: 'is a single-channel guest',
  ura_max_channels: 'is a single-channel guest who is already in another channel',
  user_not_found: 'is not in this workspace (or the id is wrong)',
  user_is_deactivated: 'has a deactivated account',
  cant_invite: 'cannot be invited to this channel',
};

/**
 * Tells why someone is not in an incident's channel: in the channel, and to the declarer by DM, or, when the
 * declarer is the one left out (or cannot be DMed), in the announcements channel, so that it never goes unseen.
 */
export function inviteRefusedJob(deps: SlackDeps, slack: SlackGateway, announcementsChannel: string | null) {
  return async (p: Payload): Promise<void> => {
    const incident = requireIncident(deps.store, p.incidentId);
    const channel = incident.channelId as string;
    const lines = p.refused.map((r) => `• ${mention(r.user)} ${REASONS[r.error] ?? 'could not be added'} (\`${r.error}\`)`).join('\n');
    const fix = 'A workspace admin can add them, or give the role to someone who can join: `/incident role commander @someone`.';
    const post = (to: string, text: string) => slack.call((c) => c.chat.postMessage({ channel: to, text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] }));
    await post(channel, `:warning: Slack would not let me add everyone to this channel:\n${lines}\n${fix}`);
    const elsewhere = `:warning: ${incident.id}: Slack would not let me add everyone to <#${channel}>:\n${lines}\n${fix}`;
    const declarerOut = p.refused.some((r) => r.user === incident.declaredBy);
    if (!declarerOut) {
      const dm = await post(incident.declaredBy, elsewhere).then(() => true, (error: unknown) => (DM_REFUSED.has(slackErrorCode(error) ?? '') ? false : Promise.reject(error)));
      if (dm) return;
    }
    if (announcementsChannel) await post(announcementsChannel, elsewhere);
  };
}

/** A DM that cannot reach the person: tell the announcements channel instead. */
const DM_REFUSED = new Set(['channel_not_found', 'user_not_found', 'user_disabled', 'cannot_dm_bot', 'not_allowed_token_type', 'messages_tab_disabled']);
