import type { App, RespondFn } from '@slack/bolt';
import { z } from 'zod';
import { applyRegime } from '../../app/clocks/apply-regime.js';
import { markNotNotifiable, notNotifiablePrompt } from '../../app/clocks/mark-not-notifiable.js';
import { decideNotice } from '../../app/notices/decide-notice.js';
import { saveNoticeDraft } from '../../app/notices/draft-notice.js';
import type { Logger } from '../../app/job-runner.js';
import { isWardenError } from '../../domain/errors.js';
import { userMessageFor } from '../errors.js';
import { BOARD_ACTIONS } from './board-blocks.js';
import { SUGGESTION_ACTIONS } from './clock-messages.js';
import type { ClockSlackDeps } from './clock-verbs.js';
import { NOTICE_ACTIONS, NOTICE_INPUTS, NOTICE_VIEWS, notNotifiableModal, unescapeSlack } from './notice-blocks.js';

/** The parts of a block action the clock buttons read; anything else in the payload is ignored. */
const clickSchema = z.object({
  user: z.object({ id: z.string() }),
  trigger_id: z.string(),
  container: z.object({ channel_id: z.string().optional(), message_ts: z.string().optional() }).optional(),
  actions: z.array(z.object({ value: z.string().max(300) })).min(1),
});
const pairValue = z.string().regex(/^[^|]+\|[^|]+$/).transform((v) => v.split('|') as [string, string]);

const draftMeta = z.object({ incidentId: z.string(), template: z.string() });
const reasonMeta = z.object({ incidentId: z.string(), ref: z.string() });
const typed = z.object({ value: z.string().nullish() });
const draftValues = z.object({
  [NOTICE_INPUTS.text]: z.object({ [NOTICE_INPUTS.text]: typed }),
  [NOTICE_INPUTS.stage]: z.object({ [NOTICE_INPUTS.stage]: z.object({ selected_option: z.object({ value: z.string() }).nullish() }) }).optional(),
});
const reasonValues = z.object({ [NOTICE_INPUTS.reason]: z.object({ [NOTICE_INPUTS.reason]: typed }) });

/** Bolt's logger behind the app layer's logging port (object first, message second). */
function boltLoggerPort(app: App): Logger {
  return {
    info: (obj, msg) => app.logger.info(msg ?? '', obj),
    warn: (obj, msg) => app.logger.warn(msg ?? '', obj),
    error: (obj, msg) => app.logger.error(msg ?? '', obj),
  };
}

/** Tells the person who clicked, ephemerally; a response URL that no longer works is only logged. */
async function tell(respond: RespondFn, text: string, logger: Logger): Promise<void> {
  await respond({ response_type: 'ephemeral', replace_original: false, text }).catch((err: unknown) => logger.warn({ err: String(err) }, 'could not answer a click'));
}

/** Buttons (apply a suggested regime, not notifiable, approve / request changes) and the two clock modals. */
export function registerClockListeners(app: App, deps: ClockSlackDeps): void {
  const logger = boltLoggerPort(app);
  const onClick = (actionId: string, handle: (click: z.infer<typeof clickSchema>, value: string) => Promise<string | null> | string | null) => {
    app.action(actionId, async ({ ack, body, respond }) => {
      await ack();
      try {
        const click = clickSchema.parse(body);
        const answer = await handle(click, click.actions[0]?.value ?? '');
        deps.runner.poke();
        if (answer) await tell(respond, answer, logger);
      } catch (error) {
        await tell(respond, userMessageFor(error, logger, { action: actionId }), logger);
      }
    });
  };

  onClick(SUGGESTION_ACTIONS.apply, (click, value) => {
    const [incidentId, regimeId] = pairValue.parse(value);
    const at = click.container?.channel_id && click.container.message_ts ? { channelId: click.container.channel_id, ts: click.container.message_ts } : undefined;
    applyRegime(deps, { userId: click.user.id }, incidentId, regimeId, at);
    return null;
  });

  onClick(BOARD_ACTIONS.notNotifiable, async (click, value) => {
    const [incidentId, ref] = pairValue.parse(value);
    const target = notNotifiablePrompt(deps, { userId: click.user.id }, incidentId, ref);
    await app.client.views.open({ trigger_id: click.trigger_id, view: notNotifiableModal(target) });
    return null;
  });

  for (const [actionId, decision] of [[NOTICE_ACTIONS.approve, 'approved'], [NOTICE_ACTIONS.changes, 'changes_requested']] as const) {
    onClick(actionId, (click, value) => {
      const notice = decideNotice(deps, { userId: click.user.id }, z.coerce.number().int().parse(value), decision);
      return decision === 'approved' ? `Notice #${notice.id} approved.` : `Notice #${notice.id} sent back for changes.`;
    });
  }

  app.view(NOTICE_VIEWS.draft, async ({ ack, body, view }) => {
    try {
      const meta = draftMeta.parse(JSON.parse(view.private_metadata));
      const values = draftValues.parse(view.state.values);
      const text = unescapeSlack(values[NOTICE_INPUTS.text][NOTICE_INPUTS.text].value ?? '');
      const stage = values[NOTICE_INPUTS.stage]?.[NOTICE_INPUTS.stage].selected_option?.value ?? null;
      saveNoticeDraft(deps, { userId: body.user.id }, { incidentId: meta.incidentId, template: meta.template, stage, text });
      await ack();
      deps.runner.poke();
    } catch (error) {
      const message = isWardenError(error) ? error.message : userMessageFor(error, logger, { view: NOTICE_VIEWS.draft });
      await ack({ response_action: 'errors', errors: { [NOTICE_INPUTS.text]: message.slice(0, 150) } });
    }
  });

  app.view(NOTICE_VIEWS.notNotifiable, async ({ ack, body, view }) => {
    try {
      const meta = reasonMeta.parse(JSON.parse(view.private_metadata));
      const values = reasonValues.parse(view.state.values);
      const reason = unescapeSlack(values[NOTICE_INPUTS.reason][NOTICE_INPUTS.reason].value ?? '');
      markNotNotifiable(deps, { userId: body.user.id }, meta.incidentId, meta.ref, reason);
      await ack();
      deps.runner.poke();
    } catch (error) {
      const message = isWardenError(error) ? error.message : userMessageFor(error, logger, { view: NOTICE_VIEWS.notNotifiable });
      await ack({ response_action: 'errors', errors: { [NOTICE_INPUTS.reason]: message.slice(0, 150) } });
    }
  });
}
