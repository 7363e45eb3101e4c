/** views.open, views.push, views.update, views.publish. */
import { z } from 'zod';
import type { Clock } from '../../../../src/platform/clock.js';
import { APP_ID, BOT_ID, TEAM_ID, triggerMintedAt, userOfTriggerId } from './identity.js';
import { checkView, viewTooLarge } from './block-kit-limits.js';
import { fail, ok, parseArgs, type MethodHandler } from './method-kit.js';
import type { StandInState } from './state.js';
import type { SlackResult, StandInView, ViewOperation } from './types.js';

const ViewObject = z.record(z.string(), z.unknown());

const TriggerArgs = z.object({ trigger_id: z.string().optional(), view: z.unknown() });

/** Refuses a view Slack would refuse; `expected` is the only type this method accepts, if any. */
function refuseView(view: unknown, expected?: 'modal' | 'home'): SlackResult | undefined {
  if (viewTooLarge(view)) return fail('view_too_large');
  const violations = checkView(view);
  if (expected && ViewObject.safeParse(view).data?.type !== expected) {
    violations.unshift({ pointer: '/view/type', message: `must be ${expected} for this method` });
  }
  return violations.length > 0 ? fail('invalid_arguments', violations) : undefined;
}

/** Slack: "Triggers expire in three seconds." */
export const TRIGGER_TTL_MS = 3000;

/**
 * Trigger ids are single use and expire three seconds after the request that carried them, as in Slack.
 * Only ids from `makeTriggerId` say when they were minted; any other id is `invalid_trigger_id`.
 */
function spendTrigger(state: StandInState, triggerClock: Clock, triggerId: string | undefined): SlackResult | undefined {
  if (triggerId === undefined || triggerId === '') return fail('invalid_arguments');
  const mintedAt = triggerMintedAt(triggerId);
  if (!mintedAt) return fail('invalid_trigger_id');
  if (state.usedTriggers.has(triggerId)) return fail('exchanged_trigger_id');
  if (triggerClock.now().getTime() - mintedAt.getTime() > TRIGGER_TTL_MS) return fail('expired_trigger_id');
  state.usedTriggers.add(triggerId);
  return undefined;
}

function newHash(state: StandInState): string {
  const n = Number(state.nextId('H').slice(1));
  return `${state.nowSeconds()}.${((n * 2654435761) >>> 0).toString(16).padStart(8, '0')}`;
}

function wireView(v: StandInView, previousViewId: string | null = null): Record<string, unknown> {
  return {
    state: { values: {} },
    ...v.view,
    id: v.id,
    team_id: TEAM_ID,
    hash: v.hash,
    app_id: APP_ID,
    bot_id: BOT_ID,
    root_view_id: v.id,
    previous_view_id: previousViewId,
  };
}

function storeView(state: StandInState, view: Record<string, unknown>, via: ViewOperation, userId?: string): StandInView {
  const stored: StandInView = {
    id: state.nextId('V'),
    ...(userId ? { userId } : {}),
    openedVia: via,
    updates: 0,
    hash: newHash(state),
    view,
  };
  state.views.set(stored.id, stored);
  return stored;
}

function openOrPush(via: 'open' | 'push'): MethodHandler {
  return ({ state, triggerClock }, args) => {
    const parsed = parseArgs(TriggerArgs, args);
    if (!parsed.ok) return parsed.result;
    const refused = refuseView(parsed.value.view, 'modal');
    if (refused) return refused;
    const spent = spendTrigger(state, triggerClock, parsed.value.trigger_id);
    if (spent) return spent;
    const userId = userOfTriggerId(parsed.value.trigger_id ?? '');
    const previous = via === 'push' ? [...state.views.values()].reverse().find((v) => v.userId === userId) : undefined;
    const stored = storeView(state, ViewObject.parse(parsed.value.view), via, userId);
    return ok({ view: wireView(stored, previous?.id ?? null) });
  };
}

const UpdateArgs = z.object({
  view_id: z.string().optional(),
  external_id: z.string().optional(),
  hash: z.string().optional(),
  view: z.unknown(),
});

const update: MethodHandler = ({ state }, args) => {
  const parsed = parseArgs(UpdateArgs, args);
  if (!parsed.ok) return parsed.result;
  const { view_id, external_id, hash, view } = parsed.value;
  if (!view_id && !external_id) return fail('invalid_arguments');
  const stored = [...state.views.values()].find((v) =>
    view_id ? v.id === view_id : v.view.external_id === external_id,
  );
  if (!stored) return fail('not_found');
  const refused = refuseView(view);
  if (refused) return refused;
  if (hash !== undefined && hash !== stored.hash) return fail('hash_conflict');
  stored.view = ViewObject.parse(view);
  stored.hash = newHash(state);
  stored.updates += 1;
  return ok({ view: wireView(stored) });
};

const PublishArgs = z.object({ user_id: z.string().optional(), hash: z.string().optional(), view: z.unknown() });

const publish: MethodHandler = ({ state }, args) => {
  const parsed = parseArgs(PublishArgs, args);
  if (!parsed.ok) return parsed.result;
  const { user_id, hash, view } = parsed.value;
  if (!user_id || !state.users.has(user_id)) return fail('user_not_found');
  const refused = refuseView(view, 'home');
  if (refused) return refused;
  const home = [...state.views.values()].find((v) => v.openedVia === 'publish' && v.userId === user_id);
  if (!home) return ok({ view: wireView(storeView(state, ViewObject.parse(view), 'publish', user_id)) });
  if (hash !== undefined && hash !== home.hash) return fail('hash_conflict');
  home.view = ViewObject.parse(view);
  home.hash = newHash(state);
  home.updates += 1;
  return ok({ view: wireView(home) });
};

export const VIEW_METHODS: Readonly<Record<string, MethodHandler>> = {
  'views.open': openOrPush('open'),
  'views.push': openOrPush('push'),
  'views.update': update,
  'views.publish': publish,
};
