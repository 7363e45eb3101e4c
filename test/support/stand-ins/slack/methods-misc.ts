/** auth.test, users.info, pins.*, reactions.add. */
import { z } from 'zod';
import { BOT_ID, BOT_USER_ID, BOT_USER_NAME, TEAM_ID, type StandInUser } from './identity.js';
import { fail, findMessage, memberChannel, ok, parseArgs, stringish, type MethodHandler } from './method-kit.js';
import type { StandInState } from './state.js';

// A workspace in a Grid org answers its org as enterprise_id (https://docs.slack.dev/reference/methods/auth.test).
const authTest: MethodHandler = ({ baseUrl, state }) =>
  ok({
    url: `${baseUrl}/`,
    team: 'Warden Demo',
    user: BOT_USER_NAME,
    team_id: TEAM_ID,
    user_id: BOT_USER_ID,
    bot_id: BOT_ID,
    ...(state.enterpriseId ? { enterprise_id: state.enterpriseId } : {}),
    is_enterprise_install: false,
  });

/** Offset from UTC in seconds and the zone's long name, at `at`, as users.info reports them. */
export function zoneFacts(tz: string, at: Date): { offsetSeconds: number; label: string } {
  const part = (style: 'longOffset' | 'long') =>
    new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: style })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(part('longOffset'));
  const offsetSeconds = match
    ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 3600 + Number(match[3]) * 60)
    : 0;
  return { offsetSeconds, label: part('long') };
}

export function wireUser(id: string, user: StandInUser, at: Date, isBot: boolean): Record<string, unknown> {
  const { offsetSeconds, label } = zoneFacts(user.tz, at);
  const realName = user.realName ?? user.name;
  return {
    id,
    team_id: TEAM_ID,
    name: user.name,
    deleted: false,
    real_name: realName,
    tz: user.tz,
    tz_label: label,
    tz_offset: offsetSeconds,
    is_bot: isBot,
    is_admin: false,
    profile: { real_name: realName, real_name_normalized: realName, display_name: user.name, team: TEAM_ID, ...(user.email ? { email: user.email } : {}) },
  };
}

const UserArgs = z.object({ user: z.string().optional() });

const usersInfo: MethodHandler = ({ state }, args) => {
  const parsed = parseArgs(UserArgs, args);
  if (!parsed.ok) return parsed.result;
  const id = parsed.value.user ?? '';
  const now = state.clock.now();
  if (id === BOT_USER_ID) return ok({ user: wireUser(id, { name: BOT_USER_NAME, tz: 'UTC', realName: 'Warden' }, now, true) });
  const user = state.users.get(id);
  return user ? ok({ user: wireUser(id, user, now, false) }) : fail('user_not_found');
};

const ItemArgs = z.object({ channel: z.string().optional(), timestamp: stringish.optional(), name: z.string().optional() });

/** The message an item method points at, in a channel the bot is in. */
function itemMessage(state: StandInState, args: Record<string, unknown>) {
  const parsed = parseArgs(ItemArgs, args);
  if (!parsed.ok) return parsed;
  const channel = memberChannel(state, parsed.value.channel);
  if (!channel.ok) return channel;
  if (parsed.value.timestamp === undefined) return { ok: false as const, result: fail('no_item_specified') };
  const found = findMessage(state, channel.value.id, parsed.value.timestamp);
  return found.ok ? { ok: true as const, value: { message: found.value, name: parsed.value.name } } : found;
}

const pinsAdd: MethodHandler = ({ state }, args) => {
  const item = itemMessage(state, args);
  if (!item.ok) return item.result;
  if (item.value.message.pinned) return fail('already_pinned');
  item.value.message.pinned = true;
  return ok();
};

const pinsRemove: MethodHandler = ({ state }, args) => {
  const item = itemMessage(state, args);
  if (!item.ok) return item.result;
  if (!item.value.message.pinned) return fail('no_pin');
  item.value.message.pinned = false;
  return ok();
};

const reactionsAdd: MethodHandler = ({ state }, args) => {
  const item = itemMessage(state, args);
  if (!item.ok) return item.result;
  const name = (item.value.name ?? '').replace(/^:|:$/g, '');
  if (!/^[a-z0-9_+'-]+$/.test(name)) return fail('invalid_name');
  const reactions = item.value.message.reactions;
  const existing = reactions.find((r) => r.name === name);
  if (existing?.users.includes(BOT_USER_ID)) return fail('already_reacted');
  if (existing) {
    existing.users.push(BOT_USER_ID);
    existing.count += 1;
  } else {
    reactions.push({ name, users: [BOT_USER_ID], count: 1 });
  }
  return ok();
};

export const MISC_METHODS: Readonly<Record<string, MethodHandler>> = {
  'auth.test': authTest,
  'users.info': usersInfo,
  'pins.add': pinsAdd,
  'pins.remove': pinsRemove,
  'reactions.add': reactionsAdd,
};
