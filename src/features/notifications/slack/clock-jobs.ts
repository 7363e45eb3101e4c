import { approversNamed } from '../app/clocks/approvers.js';
import { clockBoardOf } from '../app/clocks/clock-board.js';
import { CLOCK_JOB_KINDS, type ClockDeps } from '../app/clocks/clock-deps.js';
import { clockPostPayloadSchema } from '../app/clocks/clock-outbox.js';
import { remindDeadline } from '../app/clocks/remind-deadline.js';
import { z } from 'zod';
import type { AnyJob } from '../../../platform/jobs/define-job.js';
import { incidentPayload } from '../../../platform/jobs/payloads.js';
import { slackJob } from '../../../adapters/slack/slack-job.js';
import { WardenError } from '../../../platform/errors.js';
import type { Incident } from '../../incidents/index.js';
import { escapeMrkdwn, mention } from '../../../adapters/slack/escape.js';
import type { SlackGateway } from '../../../adapters/slack/gateway.js';
import { ignoreSlackError as ignore, channelNotReady } from '../../../adapters/slack/gateway.js';
import { boardMessages } from './board-blocks.js';
import { renderClockMessage } from './clock-messages.js';
import { approvalMessage } from './notice-blocks.js';
import { noticeChecklist } from '../app/notices/notice-checklist.js';

const reminderPayload = z.object({ incidentId: z.string(), regimeId: z.string(), stageId: z.string(), due: z.string() });
const approvalPayload = z.object({ incidentId: z.string(), noticeId: z.number().int() });
const suggestionDonePayload = z.object({ channelId: z.string(), ts: z.string(), regimeId: z.string(), by: z.string() });

/**
 * Delivery of the clocks module's jobs: one Slack call per job where possible, and retries that never post
 * twice. Every stored payload is checked against its kind's schema before its handler reads it.
 */
export function clockJobs(deps: ClockDeps, slack: SlackGateway): AnyJob[] {
  const incidentOf = (incidentId: string): Incident => {
    const incident = deps.store.incidents.get(incidentId);
    if (!incident) throw new WardenError('not_found', `No incident ${incidentId}`);
    return incident;
  };
  const channelOf = (incident: Incident): string => {
    if (!incident.channelId) throw channelNotReady(incident.id);
    return incident.channelId;
  };

  return [
    slackJob(slack, CLOCK_JOB_KINDS.reminder, reminderPayload, (_p, job) => void remindDeadline(deps, job)),

    slackJob(slack, CLOCK_JOB_KINDS.post, clockPostPayloadSchema, async (p) => {
      const incident = incidentOf(p.incidentId);
      const message = renderClockMessage(deps.catalog, incident, p.message);
      if (p.target.kind === 'dm') {
        await slack.dm(p.target.userId, message);
        return;
      }
      if (p.target.kind === 'managers') {
        await slack.postReaching([p.target.channel, incident.channelId], message);
        return;
      }
      const channel = channelOf(incident);
      await slack.call((c) => c.chat.postMessage({ channel, ...message }));
    }),

    /** Posts the board the first time (pinned), then updates each part in place; a shorter board drops its extra parts. */
    slackJob(slack, CLOCK_JOB_KINDS.board, incidentPayload, async ({ incidentId }) => {
      const incident = incidentOf(incidentId);
      const channel = channelOf(incident);
      const messages = boardMessages(clockBoardOf(deps, incident.id, deps.clock.now()));
      const parts = deps.clocks.boardParts(incident.id);
      for (const [i, message] of messages.entries()) {
        const existing = parts.find((p) => p.part === i);
        if (existing) {
          await slack.call((c) => c.chat.update({ channel: existing.channelId, ts: existing.ts, ...message }));
          continue;
        }
        const posted = await slack.call((c) => c.chat.postMessage({ channel, ...message }));
        deps.clocks.saveBoardPart(incident.id, { part: i, channelId: channel, ts: posted.ts as string });
        if (i === 0) await slack.call((c) => c.pins.add({ channel, timestamp: posted.ts as string })).catch(ignore('already_pinned'));
      }
      for (const extra of parts.filter((p) => p.part >= messages.length)) {
        await slack.call((c) => c.chat.delete({ channel: extra.channelId, ts: extra.ts })).catch(ignore('message_not_found'));
        deps.clocks.removeBoardPart(incident.id, extra.part);
      }
    }),

    slackJob(slack, CLOCK_JOB_KINDS.approval, approvalPayload, async ({ incidentId, noticeId }) => {
      const incident = incidentOf(incidentId);
      const notice = deps.notices.get(noticeId);
      if (!notice) throw new WardenError('not_found', `No notice ${noticeId}`);
      // Approvers see what the law still asks of the text before they approve it, not only in the draft modal.
      const message = approvalMessage(notice, approversNamed(deps), noticeChecklist(deps.templates, notice));
      const channel = channelOf(incident);
      if (notice.messageTs) {
        await slack.call((c) => c.chat.update({ channel, ts: notice.messageTs as string, ...message }));
        return;
      }
      const posted = await slack.call((c) => c.chat.postMessage({ channel, ...message }));
      deps.notices.setMessageTs(notice.id, posted.ts as string);
    }),

    slackJob(slack, CLOCK_JOB_KINDS.suggestionDone, suggestionDonePayload, async ({ channelId, ts, regimeId, by }) => {
      const name = escapeMrkdwn(deps.catalog.entries.get(regimeId)?.regime.name ?? regimeId);
      const text = `:white_check_mark: ${mention(by)} applied *${name}* (\`${regimeId}\`) from this suggestion.`;
      await slack.call((c) => c.chat.update({ channel: channelId, ts, text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] }));
    }),
  ];
}
