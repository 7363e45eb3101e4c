import { z } from 'zod';
import type { SlackGateway } from '../../../adapters/slack/gateway.js';
import { slackJob } from '../../../adapters/slack/slack-job.js';
import { truncate } from '../../../adapters/slack/escape.js';
import { defineJob } from '../../../platform/jobs/define-job.js';
import { requireIncident } from '../../incidents/index.js';
import { REVIEW_JOB_KINDS, reminderPayloadSchema, reviewMessageSchema, type ReviewDeps, type ReviewMessage } from '../app/deps.js';
import { runEscalation, runReminder } from '../app/follow-up.js';
import { reviewMessageText } from './review-messages.js';

const escalatePayload = z.object({ incidentId: z.string(), planSince: z.string() });

/** The review's durable jobs: reminders and escalation (decided in the app layer), and its Slack messages. */
export function reviewJobs(deps: ReviewDeps, slack: SlackGateway) {
  async function deliver(m: ReviewMessage): Promise<void> {
    const review = deps.reviews.get(m.incidentId);
    if (!review) return;
    const incident = requireIncident(deps.store, m.incidentId);
    const text = reviewMessageText(m, review, incident, deps.reviewPolicy, deps.clock.now());
    const message = { text, blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: truncate(text, 3000) } }] };
    if (m.to === 'owner') return slack.dm(review.owner, message);
    const channel = m.to === 'managers' ? deps.managersChannel : incident.channelId;
    if (m.to === 'managers') await slack.postReaching([channel, incident.channelId], message);
    else if (channel) await slack.call((c) => c.chat.postMessage({ channel, ...message }));
  }

  return [
    slackJob(slack, REVIEW_JOB_KINDS.message, reviewMessageSchema, deliver),
    defineJob({ kind: REVIEW_JOB_KINDS.remind, payload: reminderPayloadSchema, run: (p) => runReminder(deps, p) }),
    defineJob({ kind: REVIEW_JOB_KINDS.escalate, payload: escalatePayload, run: (p) => runEscalation(deps, p) }),
  ];
}
