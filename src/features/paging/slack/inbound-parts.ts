import { channelNotReady } from '../../../adapters/slack/gateway.js';
import type { FeatureCore } from '../../../adapters/slack/feature-core.js';
import type { SlackListeners } from '../../../adapters/slack/listeners.js';
import { slackJob } from '../../../adapters/slack/slack-job.js';
import type { FeatureParts } from '../../../platform/feature.js';
import { WardenError } from '../../../platform/errors.js';
import { declareModal } from '../../incidents/index.js';
import { changePostPayload, INBOUND_JOB_KINDS, pdIncidentPayload } from '../app/inbound-jobs.js';
import { linkDeclared } from '../app/link-declared.js';
import { SEVERITY_FOR_URGENCY } from '../domain/pd-incident.js';
import { inboundRepo } from '../store/inbound-repo.js';
import { changeMessage, DECLARE_ACTION, pdAnnouncement } from './pd-blocks.js';

export interface InboundOptions {
  /** Where PagerDuty incidents Warden did not start are announced; none configured, none announced. */
  announcementsChannel: string | null;
}

/**
 * The inbound half of paging, as parts the paging feature merges into its own: the Declare button, the jobs
 * that post what webhooks queued, and the `incident.declared` subscriber that links a declaration to its
 * PagerDuty incident. (The webhook route itself is `pagerDutyWebhookRoute`, built by the composition root.)
 */
export function pagingInboundParts(core: FeatureCore, opts: InboundOptions): Required<Pick<FeatureParts, 'slack' | 'jobs' | 'on'>> {
  const { deps, slack } = core;
  const inbound = inboundRepo(core.db);
  const linkedOf = (incidentId: string | null) => {
    const incident = incidentId ? deps.store.incidents.get(incidentId) : null;
    return incident ? { id: incident.id, channelId: incident.channelId } : null;
  };
  const requirePd = (id: string) => {
    const pd = inbound.getIncident(id);
    if (!pd) throw new WardenError('not_found', `No PagerDuty incident ${id} is known to Warden.`);
    return pd;
  };
  return {
    slack: (on: SlackListeners) => registerDeclareButton(on, core, inbound),
    on: { 'incident.declared': (event) => linkDeclared({ store: deps.store, inbound }, event, deps.clock.now()) },
    jobs: [
      slackJob(slack, INBOUND_JOB_KINDS.announce, pdIncidentPayload, async ({ pdIncidentId }) => {
        const pd = requirePd(pdIncidentId);
        const channel = opts.announcementsChannel;
        if (!channel || pd.announcementTs) return;
        const posted = await slack.call((c) => c.chat.postMessage({ channel, ...pdAnnouncement(pd, linkedOf(pd.incidentId)) }));
        if (posted.ts) inbound.setAnnouncement(pdIncidentId, posted.channel ?? channel, posted.ts);
      }),
      slackJob(slack, INBOUND_JOB_KINDS.refreshAnnouncement, pdIncidentPayload, async ({ pdIncidentId }) => {
        const pd = requirePd(pdIncidentId);
        const { announcementChannel: channel, announcementTs: ts } = pd;
        if (!channel || !ts) return;
        await slack.call((c) => c.chat.update({ channel, ts, ...pdAnnouncement(pd, linkedOf(pd.incidentId)) }));
      }),
      slackJob(slack, INBOUND_JOB_KINDS.post, changePostPayload, async (post) => {
        const incident = deps.store.incidents.get(post.incidentId);
        if (!incident) return;
        // Declared moments ago: its channel is being created by an earlier job; retried until it exists.
        if (!incident.channelId) throw channelNotReady(incident.id);
        const channel = incident.channelId;
        await slack.call((c) => c.chat.postMessage({ channel, ...changeMessage(post) }));
      }),
    ],
  };
}

/** "Declare incident": opens the declare form filled from the PagerDuty incident, its id carried in private_metadata. */
function registerDeclareButton(on: SlackListeners, core: FeatureCore, inbound: ReturnType<typeof inboundRepo>): void {
  const { policy } = core.deps;
  on.action(DECLARE_ACTION, async (click) => {
    const pd = click.value ? inbound.getIncident(click.value) : null;
    if (!pd) return 'That PagerDuty incident is not known to Warden.';
    if (pd.incidentId) return `It is already declared as *${pd.incidentId}*.`;
    const suggested = pd.urgency ? SEVERITY_FOR_URGENCY[pd.urgency] : undefined;
    const view = declareModal(policy.severities, policy.privateTypes, { title: pd.title, severity: suggested, privateMetadata: JSON.stringify({ pagerDutyIncidentId: pd.pdIncidentId }) });
    await click.slack.views.open({ trigger_id: click.triggerId, view });
    return null;
  });
}
