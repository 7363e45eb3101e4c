import { markNotNotifiable } from '../app/clocks/mark-not-notifiable.js';
import { prepareNoticeDraft } from '../app/notices/draft-notice.js';
import { recordSubmission, SUBMITTED_USAGE } from '../app/notices/record-submission.js';
import { incidentInChannel } from '../../incidents/index.js';
import { WardenError } from '../../../platform/errors.js';
import { escapeMrkdwn } from '../../../adapters/slack/escape.js';
import { afterAck, reply, type Verb } from '../../../adapters/slack/commands/registry.js';
import type { ClockSlackDeps } from './clock-verbs.js';
import { noticeModal } from './notice-blocks.js';

const TEMPLATE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const STAGE_REF = /^[a-z0-9][a-z0-9._-]*(?::[a-z0-9._-]+)+$/;

/** Splits `regime:stage rest of the text`, refusing (escaped) anything that is not a stage reference. */
function stageAndText(args: string, usage: string): { stage: string; text: string } {
  const trimmed = args.trim();
  const space = trimmed.search(/\s/);
  const stage = space === -1 ? trimmed : trimmed.slice(0, space);
  if (!STAGE_REF.test(stage)) {
    const got = stage ? `\`${escapeMrkdwn(stage.slice(0, 60))}\` is not a stage.` : 'Missing the stage.';
    throw new WardenError('bad_input', `${got} Name it as \`regime:stage\` (see \`/incident deadlines\`). Usage: \`${usage}\``);
  }
  return { stage, text: space === -1 ? '' : trimmed.slice(space + 1) };
}

/** `--override` as typed, or as Slack's clients may autocorrect it (an en or em dash). */
const OVERRIDE = /(?:^|\s)(?:--|\u2014|\u2013)override(?:\s+([\s\S]*))?$/;
const QUOTES = /^["'\u201c\u201d\u2018\u2019]+|["'\u201c\u201d\u2018\u2019]+$/g;

/** Splits `REFERENCE --override "reason"` into the reference and the reason (null: no override asked). */
export function referenceAndOverride(text: string): { reference: string; override: string | null } {
  const m = OVERRIDE.exec(text);
  if (!m) return { reference: text, override: null };
  const override = (m[1] ?? '').trim().replace(QUOTES, '').trim();
  if (!override) throw new WardenError('bad_input', `Give your reason after --override. Usage: \`${SUBMITTED_USAGE}\``);
  return { reference: text.slice(0, m.index).trim(), override };
}

export function noticeVerbs(deps: ClockSlackDeps): Verb[] {
  const notify: Verb = {
    name: 'notify',
    help: { usage: 'notify <template>|<regime>:<stage>', summary: 'draft a customer or regulator notice from a template (or the template for a stage), for approval', inChannel: true },
    run(ctx) {
      const incident = incidentInChannel(deps.store, ctx.channelId, 'notify');
      const name = ctx.args.split(/\s+/).filter(Boolean)[0]?.toLowerCase();
      const available = deps.templates.list().join(', ') || 'none';
      if (!name || !(TEMPLATE_NAME.test(name) || STAGE_REF.test(name))) {
        const got = name ? `\`${escapeMrkdwn(name.slice(0, 60))}\` is not a template or a stage.` : 'Missing the template.';
        throw new WardenError('bad_input', `${got} Templates: ${available}. Usage: \`/incident notify &lt;template&gt;\` or \`/incident notify &lt;regime&gt;:&lt;stage&gt;\``);
      }
      const draft = prepareNoticeDraft(deps, incident.id, name);
      return afterAck(async (slack) => {
        await slack.views.open({ trigger_id: ctx.triggerId, view: noticeModal(draft) });
        return null;
      });
    },
  };

  const submitted: Verb = {
    name: 'submitted',
    help: {
      usage: 'submitted <regime>:<stage> <reference> [--override "reason"]',
      summary: 'record that a notification went out (stops its reminders); an approver may override missing required elements with a reason',
      inChannel: true,
    },
    run(ctx) {
      const incident = incidentInChannel(deps.store, ctx.channelId, 'submitted');
      const { stage, text } = stageAndText(ctx.args, SUBMITTED_USAGE);
      const { reference, override } = referenceAndOverride(text);
      const s = recordSubmission(deps, { userId: ctx.userId }, incident.id, stage, reference, override);
      const sent = s.noticeId ? `the text of approved notice #${s.noticeId} is kept with it` : 'no approved draft was on record, so no text is kept with it';
      const overridden = s.overridden.length
        ? ` :warning: You overrode ${s.overridden.length} incomplete required element(s) (${escapeMrkdwn(s.overridden.join('; '))}); your reason is in the audit log.`
        : override !== null ? ` No override was needed: ${s.noticeId ? 'the approved notice has every required element' : 'there is no approved notice to check'}.` : '';
      return reply(`:large_green_circle: Recorded \`${stage}\` as submitted (reference ${escapeMrkdwn(s.reference)}); ${sent}. Its reminders stopped.${overridden}`);
    },
  };

  const notNotifiable: Verb = {
    name: 'notnotifiable',
    help: { usage: 'notnotifiable <regime>:<stage> <rationale>', summary: 'record that a stage need not be notified, and why (approvers)', inChannel: true },
    run(ctx) {
      const incident = incidentInChannel(deps.store, ctx.channelId, 'notnotifiable');
      const { stage, text } = stageAndText(ctx.args, '/incident notnotifiable regime:stage rationale');
      const ref = markNotNotifiable(deps, { userId: ctx.userId }, incident.id, stage, text);
      return reply(`Recorded \`${ref}\` as not notifiable, with your rationale. Its reminders stopped.`);
    },
  };

  return [notify, submitted, notNotifiable];
}
