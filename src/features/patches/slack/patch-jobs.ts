import { defineJob, type AnyJob } from '../../../platform/jobs/define-job.js';
import { slackJob } from '../../../adapters/slack/slack-job.js';
import type { SlackGateway } from '../../../adapters/slack/gateway.js';
import type { AccessControl } from '../../access/index.js';
import { expireAcceptance } from '../app/accept-risk.js';
import { PATCH_JOB_KINDS, type PatchDeps } from '../app/deps.js';
import { escalateFinding, remindFinding, stillCurrent } from '../app/follow-up.js';
import { dmPayload, escalatePayload, expirePayload, postPayload, remindPayload, type DmPayload, type PostPayload } from '../app/payloads.js';
import { acceptanceDm, acceptanceRequest, escalationMessage, reminderDm } from './patch-texts.js';

const approversOf = (access: AccessControl) => {
  const h = access.holders();
  return { names: h.approversConfigured ? h.approvers : h.admins, configured: h.approversConfigured };
};

/** The DM a job carries, read again when it runs: a finding closed or re-planned in between gets nothing. */
function dmOf(deps: PatchDeps, p: DmPayload) {
  const now = deps.clock.now();
  if (p.type === 'reminder') {
    const f = deps.patches.get(p.id);
    return stillCurrent(f, p.since, now) ? { to: f.owner, message: reminderDm(f, p, now) } : null;
  }
  const a = deps.patches.acceptance(p.acceptanceId);
  const f = a ? deps.patches.get(a.findingId) : null;
  return a && f ? { to: p.to, message: acceptanceDm(a, f, p.outcome, now) } : null;
}

function postOf(deps: PatchDeps, p: PostPayload) {
  if (p.type === 'escalation') {
    const f = deps.patches.get(p.id);
    return f && f.status === 'open' ? escalationMessage(f, deps.clock.now()) : null;
  }
  const a = deps.patches.acceptance(p.acceptanceId);
  const f = a ? deps.patches.get(a.findingId) : null;
  return a && f ? acceptanceRequest(a, f, approversOf(deps.access)) : null;
}

/** The patch findings' jobs; none is bound to an incident. */
export function patchJobs(deps: PatchDeps, slack: SlackGateway): AnyJob[] {
  return [
    defineJob({ kind: PATCH_JOB_KINDS.remind, payload: remindPayload, run: (p) => remindFinding(deps, p) }),
    defineJob({ kind: PATCH_JOB_KINDS.escalate, payload: escalatePayload, run: (p) => escalateFinding(deps, p) }),
    defineJob({ kind: PATCH_JOB_KINDS.expire, payload: expirePayload, run: (p) => expireAcceptance(deps, p.acceptanceId) }),
    slackJob(slack, PATCH_JOB_KINDS.dm, dmPayload, async (p) => {
      const dm = dmOf(deps, p);
      if (!dm) return;
      await slack.dm(dm.to, dm.message);
    }),
    slackJob(slack, PATCH_JOB_KINDS.post, postPayload, async (p) => {
      const message = postOf(deps, p);
      if (!message) return;
      if (p.type === 'acceptance_decided') await slack.call((c) => c.chat.update({ channel: p.channel, ts: p.ts, ...message }));
      else await slack.postReaching([p.channel], message);
    }),
  ];
}
