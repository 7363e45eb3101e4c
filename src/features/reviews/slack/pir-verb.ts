import { WardenError } from '../../../platform/errors.js';
import { incidentInChannel } from '../../incidents/index.js';
import { escapeMrkdwn, truncate } from '../../../adapters/slack/escape.js';
import { parseUserRef, splitVerb } from '../../../adapters/slack/commands/args.js';
import { readerZone } from '../../../adapters/slack/reader-zone.js';
import { afterAck, reply, type CommandContext, type Reply, type Verb } from '../../../adapters/slack/commands/registry.js';
import type { ReviewDeps } from '../app/deps.js';
import { markDone, requireReview, scheduleMeeting, setOwner, waive } from '../app/change-review.js';
import { parseMeetingTime } from '../app/parse-meeting.js';
import { calendarText, reviewStateLine } from './review-messages.js';

const USAGE = [
  '`/incident pir`: the review and where it stands',
  '`/incident pir schedule <date|datetime>`: set the review meeting (its owner or the commander)',
  '`/incident pir owner @person`: hand the review to someone else (its owner or the commander)',
  '`/incident pir done <link>`: the review is written; link to it (its owner or the commander)',
  '`/incident pir waive <reason>`: no review for this one (an approver other than its owner; audited)',
  '`/incident pir draft`: the review skeleton from the record, as a Markdown file in the channel',
];

export interface PirExtras {
  /** `pir draft`: posts the review skeleton as a file in the channel (wired by the feature). */
  draft?: (ctx: CommandContext) => ReturnType<Verb['run']>;
}

/** `/incident pir [schedule|owner|done|waive|draft] ...`, inside the incident's channel. */
export function pirVerb(deps: ReviewDeps, extras: PirExtras = {}): Verb {
  return {
    name: 'pir',
    help: { usage: 'pir [schedule|owner|done|waive|draft]', summary: 'the post-incident review: show, schedule, hand over, done, waive, draft', inChannel: true },
    run(ctx) {
      const incident = incidentInChannel(deps.store, ctx.channelId, 'pir');
      const { verb, rest } = splitVerb(ctx.args);
      const actor = { userId: ctx.userId };
      switch (verb) {
        case '':
          return show(deps, incident.id);
        case 'schedule':
          // A local time is read in the person's Slack zone, which only users.info knows: after the ack.
          return afterAck(async (slack) => {
            const zone = await readerZone(slack, ctx.userId, deps.policy.timeZone);
            const { at, dateOnly } = parseMeetingTime(rest, zone, deps.clock.now());
            const review = scheduleMeeting(deps, actor, incident.id, at);
            const late = at > review.dueAt ? ' :warning: That is after the due date: the review will be overdue by then unless it is done earlier.' : '';
            return reply(`:calendar: Review meeting of ${incident.id} set for ${dateOnly ? `${rest.trim()} 10:00` : escapeMrkdwn(truncate(rest.trim(), 40))} (${zone}).${late}`);
          });
        case 'owner': {
          const owner = parseUserRef(rest.split(/\s+/)[0], '/incident pir owner @person');
          setOwner(deps, actor, incident.id, owner);
          return reply(`:memo: <@${owner}> now owns the review of ${incident.id}; they get its reminders.`);
        }
        case 'done': {
          const review = markDone(deps, actor, incident.id, rest);
          return reply(`:white_check_mark: The review of ${incident.id} is recorded as done: ${escapeMrkdwn(review.link ?? '')}`);
        }
        case 'waive':
          waive(deps, actor, incident.id, rest);
          return reply(`:heavy_minus_sign: The review of ${incident.id} is waived; the reason is in the audit trail.`);
        case 'draft':
          if (extras.draft) return extras.draft(ctx);
          throw unknown(verb);
        default:
          throw unknown(verb);
      }
    },
  };
}

function unknown(verb: string): WardenError {
  return new WardenError('bad_input', `Unknown \`pir\` command \`${escapeMrkdwn(truncate(verb, 30))}\`.\n${USAGE.join('\n')}`);
}

function show(deps: ReviewDeps, incidentId: string): Reply {
  const incident = deps.store.incidents.get(incidentId);
  if (!incident) throw new WardenError('not_found', `No incident ${incidentId}.`);
  const review = requireReview(deps, incident);
  const lines = [`*Post-incident review of ${incident.id}*${review.drill ? ' (drill)' : ''}`, reviewStateLine(review, deps.clock.now()), `_${calendarText(deps.reviewPolicy)}_`, ...USAGE];
  return reply(lines.join('\n'));
}
