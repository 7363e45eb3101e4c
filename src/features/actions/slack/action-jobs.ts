import type { AnyJob } from '../../../platform/jobs/define-job.js';
import { defineJob } from '../../../platform/jobs/define-job.js';
import { slackJob } from '../../../adapters/slack/slack-job.js';
import type { SlackGateway } from '../../../adapters/slack/gateway.js';
import { ACTION_JOB_KINDS, type ActionDeps } from '../app/deps.js';
import { stillCurrent } from '../app/follow-up.js';
import { dmPayload, escalateAction, escalatePayload, escalationPostPayload, remindAction, remindPayload } from '../app/remind-action.js';
import { escalationMessage, reminderDm } from './action-texts.js';

/**
 * The action items' jobs. None is response-bound: reminders outlive the incident. The DM and the managers'
 * post read the item again when they run, so an item done in between gets nothing.
 */
export function actionJobs(deps: ActionDeps, slack: SlackGateway): AnyJob[] {
  return [
    defineJob({ kind: ACTION_JOB_KINDS.remind, payload: remindPayload, run: (p) => remindAction(deps, p) }),
    defineJob({ kind: ACTION_JOB_KINDS.escalate, payload: escalatePayload, run: (p) => escalateAction(deps, p) }),
    slackJob(slack, ACTION_JOB_KINDS.dm, dmPayload, async (p) => {
      const item = deps.actions.get(p.incidentId, p.id);
      const incident = deps.store.incidents.get(p.incidentId);
      if (!stillCurrent(item, p.since) || !incident) return;
      const message = reminderDm(incident, item, p, deps.clock.now());
      await slack.dm(item.owner, message);
    }),
    slackJob(slack, ACTION_JOB_KINDS.escalationPost, escalationPostPayload, async (p) => {
      const item = deps.actions.get(p.incidentId, p.id);
      const incident = deps.store.incidents.get(p.incidentId);
      if (!item || item.status !== 'open' || !incident) return;
      // Never lost to a managers' channel the bot is not in: the incident channel, then the announcements channel.
      await slack.postReaching([p.channel, incident.channelId], escalationMessage(incident, item, deps.clock.now()));
    }),
  ];
}
