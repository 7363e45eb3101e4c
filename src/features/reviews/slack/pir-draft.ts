import { afterAck, reply, type CommandContext, type Verb } from '../../../adapters/slack/commands/registry.js';
import { incidentInChannel } from '../../incidents/index.js';
import type { ReviewDeps } from '../app/deps.js';
import { gatherReviewFacts, postReviewDraft, type ReviewSources, type ReviewTemplate } from '../draft/index.js';

/**
 * `/incident pir draft`: the review skeleton, filled from the incident's record (timeline, roles, clocks,
 * notices, playbook, action items), shared as a Markdown file in the channel, times in the reader's zone.
 */
export function pirDraft(deps: ReviewDeps, sources: ReviewSources, template: ReviewTemplate): (ctx: CommandContext) => ReturnType<Verb['run']> {
  return (ctx) => {
    const incident = incidentInChannel(deps.store, ctx.channelId, 'pir draft');
    const review = deps.reviews.get(incident.id);
    const info = review ? { owner: review.owner, dueAt: review.dueAt, status: review.status, meetingAt: review.meetingAt, drill: review.drill } : null;
    return afterAck(async (slack) => {
      const facts = gatherReviewFacts(sources, incident.id, deps.clock.now(), info);
      const posted = await postReviewDraft(slack, { channelId: ctx.channelId, userId: ctx.userId, facts, template, displayZone: deps.policy.timeZone });
      const zone = posted.reader.fromProfile ? `your zone, ${posted.reader.zone}` : `${posted.reader.zone}: Slack has no zone for you`;
      return reply(`:page_facing_up: The review skeleton of ${incident.id} is in the channel as \`${posted.filename}\` (times in ${zone}). Replace the \`[to complete: …]\` parts and link the written review with \`/incident pir done &lt;link&gt;\`.`);
    });
  };
}
