import type { WebClient } from '../../../adapters/slack/gateway.js';
import type { SlackListeners } from '../../../adapters/slack/listeners.js';
import { z } from 'zod';
import { applyRegime } from '../app/clocks/apply-regime.js';
import { markNotNotifiable, notNotifiablePrompt } from '../app/clocks/mark-not-notifiable.js';
import { decideNotice } from '../app/notices/decide-notice.js';
import { saveNoticeDraft } from '../app/notices/draft-notice.js';
import { WardenError } from '../../../platform/errors.js';
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
const noticeIdValue = z.string().regex(/^\d{1,12}$/).transform(Number);

const NOT_OURS = 'That button is not one Warden made, or it is out of date. Use `/incident deadlines` in the incident channel.';
const FORM_OUT_OF_DATE = 'This form is out of date. Close it and start again from the incident channel.';

/** Reads what a button or form carried back; anything Warden did not write is the clicker's answer `refusal`, not an error of Warden's. */
function readOr<T>(schema: z.ZodType<T>, value: unknown, refusal: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new WardenError('bad_input', refusal);
  return parsed.data;
}

function readMetadata(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new WardenError('bad_input', FORM_OUT_OF_DATE);
  }
}

const draftMeta = z.object({ incidentId: z.string(), template: z.string() });
const reasonMeta = z.object({ incidentId: z.string(), ref: z.string() });
const typed = z.object({ value: z.string().nullish() });
const draftValues = z.object({
  [NOTICE_INPUTS.text]: z.object({ [NOTICE_INPUTS.text]: typed }),
  [NOTICE_INPUTS.stage]: z.object({ [NOTICE_INPUTS.stage]: z.object({ selected_option: z.object({ value: z.string() }).nullish() }) }).optional(),
});
const reasonValues = z.object({ [NOTICE_INPUTS.reason]: z.object({ [NOTICE_INPUTS.reason]: typed }) });

/** Buttons (apply a suggested regime, not notifiable, approve / request changes) and the two clock modals. */
export function registerClockListeners(on: SlackListeners, deps: ClockSlackDeps): void {
  registerClockButtons(on, deps);
  registerClockViews(on, deps);
}

type ClickHandler = (click: z.infer<typeof clickSchema>, value: string, slack: WebClient) => Promise<string | null> | string | null;

function registerClockButtons(on: SlackListeners, deps: ClockSlackDeps): void {
  const onClick = (actionId: string, handle: ClickHandler) => {
    on.action(actionId, (raw) => {
      const click = readOr(clickSchema, raw.payload, NOT_OURS);
      return handle(click, click.actions[0]?.value ?? '', raw.slack);
    });
  };
  /** The incident a suggestion or board button names: Warden posts those in the incident's own channel only. */
  const incidentOfClick = (click: z.infer<typeof clickSchema>, incidentId: string): string => {
    const incident = deps.store.incidents.get(incidentId);
    if (!incident?.channelId || incident.channelId !== click.container?.channel_id) throw new WardenError('bad_input', NOT_OURS);
    return incident.id;
  };

  onClick(SUGGESTION_ACTIONS.apply, (click, value) => {
    const [named, regimeId] = readOr(pairValue, value, NOT_OURS);
    const incidentId = incidentOfClick(click, named);
    const at = click.container?.channel_id && click.container.message_ts ? { channelId: click.container.channel_id, ts: click.container.message_ts } : undefined;
    applyRegime(deps, { userId: click.user.id }, incidentId, regimeId, at);
    return null;
  });

  onClick(BOARD_ACTIONS.notNotifiable, async (click, value, slack) => {
    const [named, ref] = readOr(pairValue, value, NOT_OURS);
    const target = notNotifiablePrompt(deps, { userId: click.user.id }, incidentOfClick(click, named), ref);
    await slack.views.open({ trigger_id: click.trigger_id, view: notNotifiableModal(target) });
    return null;
  });

  for (const [actionId, decision] of [[NOTICE_ACTIONS.approve, 'approved'], [NOTICE_ACTIONS.changes, 'changes_requested']] as const) {
    onClick(actionId, (click, value) => {
      const notice = decideNotice(deps, { userId: click.user.id }, readOr(noticeIdValue, value, NOT_OURS), decision);
      return decision === 'approved' ? `Notice #${notice.id} approved.` : `Notice #${notice.id} sent back for changes.`;
    });
  }
}

/** Modal submissions: a valid form runs its use case; any refusal goes back onto the form's one input. */
function registerClockViews(on: SlackListeners, deps: ClockSlackDeps): void {
  const onSubmit = (callbackId: string, field: string, handle: (metadata: unknown, values: unknown, userId: string) => void) => {
    on.view(callbackId, field, (submission) => {
      handle(readMetadata(submission.privateMetadata), submission.values, submission.userId);
    });
  };

  onSubmit(NOTICE_VIEWS.draft, NOTICE_INPUTS.text, (metadata, state, userId) => {
    const meta = readOr(draftMeta, metadata, FORM_OUT_OF_DATE);
    const values = readOr(draftValues, state, FORM_OUT_OF_DATE);
    const text = unescapeSlack(values[NOTICE_INPUTS.text][NOTICE_INPUTS.text].value ?? '');
    const stage = values[NOTICE_INPUTS.stage]?.[NOTICE_INPUTS.stage].selected_option?.value ?? null;
    saveNoticeDraft(deps, { userId }, { incidentId: meta.incidentId, template: meta.template, stage, text });
  });

  onSubmit(NOTICE_VIEWS.notNotifiable, NOTICE_INPUTS.reason, (metadata, state, userId) => {
    const meta = readOr(reasonMeta, metadata, FORM_OUT_OF_DATE);
    const reason = unescapeSlack(readOr(reasonValues, state, FORM_OUT_OF_DATE)[NOTICE_INPUTS.reason][NOTICE_INPUTS.reason].value ?? '');
    markNotNotifiable(deps, { userId }, meta.incidentId, meta.ref, reason);
  });
}
