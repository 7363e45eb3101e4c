import { markNotNotifiable } from '../app/clocks/mark-not-notifiable.js';
import { prepareNoticeDraft } from '../app/notices/draft-notice.js';
import { recordSubmission } from '../app/notices/record-submission.js';
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

export function noticeVerbs(deps: ClockSlackDeps): Verb[] {
  const notify: Verb = {
    name: 'notify',
    help: { usage: 'notify <template>', summary: 'draft a customer or regulator notice from a template, for approval', inChannel: true },
    run(ctx) {
      const incident = incidentInChannel(deps.store, ctx.channelId, 'notify');
      const name = ctx.args.split(/\s+/).filter(Boolean)[0]?.toLowerCase();
      const available = deps.templates.list().join(', ') || 'none';
      if (!name || !TEMPLATE_NAME.test(name)) {
        const got = name ? `\`${escapeMrkdwn(name.slice(0, 60))}\` is not a template.` : 'Missing the template.';
        throw new WardenError('bad_input', `${got} Templates: ${available}. Usage: \`/incident notify &lt;template&gt;\``);
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
    help: { usage: 'submitted <regime>:<stage> <reference>', summary: 'record that a notification went out (stops its reminders)', inChannel: true },
    run(ctx) {
      const incident = incidentInChannel(deps.store, ctx.channelId, 'submitted');
      const { stage, text } = stageAndText(ctx.args, '/incident submitted regime:stage reference');
      const s = recordSubmission(deps, { userId: ctx.userId }, incident.id, stage, text);
      const sent = s.noticeId ? `the text of approved notice #${s.noticeId} is kept with it` : 'no approved draft was on record, so no text is kept with it';
      return reply(`:large_green_circle: Recorded \`${stage}\` as submitted (reference ${escapeMrkdwn(s.reference)}); ${sent}. Its reminders stopped.`);
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
