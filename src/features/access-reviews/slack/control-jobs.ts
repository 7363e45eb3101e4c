import type { SlackGateway } from '../../../adapters/slack/gateway.js';
import { slackJob } from '../../../adapters/slack/slack-job.js';
import { defineJob, type AnyJob } from '../../../platform/jobs/define-job.js';
import { CONTROL_JOB_KINDS, type ControlDeps } from '../app/deps.js';
import { dmPayload, escalatePeriod, escalationPostPayload, openPeriodOf, periodRef, remindPayload, remindPeriod } from '../app/follow-up.js';
import { openDuePeriod, openPayload } from '../app/open-period.js';
import { controlDm, escalationMessage } from './control-texts.js';

/** The controls' jobs. The DM and the managers' post read the period and the owner again when they run: one done in between gets nothing. */
export function controlJobs(deps: ControlDeps, slack: SlackGateway): AnyJob[] {
  const zone = deps.followUp.calendar.zone;
  return [
    defineJob({ kind: CONTROL_JOB_KINDS.open, payload: openPayload, run: (p) => openDuePeriod(deps, p) }),
    defineJob({ kind: CONTROL_JOB_KINDS.remind, payload: remindPayload, run: (p) => remindPeriod(deps, p) }),
    defineJob({ kind: CONTROL_JOB_KINDS.escalate, payload: periodRef, run: (p) => escalatePeriod(deps, p) }),
    slackJob(slack, CONTROL_JOB_KINDS.dm, dmPayload, async (p) => {
      const period = openPeriodOf(deps, p);
      const control = deps.controls.get(p.controlId);
      if (!period || !control?.owner) return;
      await slack.dm(control.owner, controlDm(control, period, p, zone, deps.clock.now()));
    }),
    slackJob(slack, CONTROL_JOB_KINDS.escalationPost, escalationPostPayload, async (p) => {
      const period = openPeriodOf(deps, p);
      const control = deps.controls.get(p.controlId);
      if (!period || !control) return;
      // Never lost to a managers' channel the bot is not in: the announcements channel instead.
      await slack.postReaching([p.channel], escalationMessage(control, period, zone, deps.clock.now()));
    }),
  ];
}
