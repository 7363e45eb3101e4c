import { z } from 'zod';
import { parseDuration } from '../duration.js';
import { isKnownHolidayCalendar } from '../calendar/business-calendar.js';
import { isTimeZone } from '../calendar/zones.js';

/**
 * Field schemas shared by warden.yaml and the environment. Each carries the message a person sees next to
 * the path (`severities[1].updateEvery: expected a duration like 30m`), so the wording lives here once.
 */

const DURATION_MESSAGE = 'expected a duration like 30m';
const DURATION_PATTERN = /^(?:\d+[smhdw])+$/;

/** `30m`, `4h`, `1d`, `1h30m` in the file; milliseconds in the parsed config. */
export const durationField = z
  .string({ error: DURATION_MESSAGE })
  .regex(DURATION_PATTERN, DURATION_MESSAGE)
  // `0m` matches the pattern but is no duration; text the pattern refused already has its message.
  .refine((text) => !DURATION_PATTERN.test(text) || parseDuration(text) !== null, DURATION_MESSAGE)
  .transform((text) => parseDuration(text) ?? 0);

const HH_MM = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
export const timeOfDayField = z
  .string({ error: 'expected a time like 22:00 (HH:MM, 24-hour)' })
  .regex(HH_MM, 'expected a time like 22:00 (HH:MM, 24-hour)');

export { isTimeZone };

const TIME_ZONE_MESSAGE = 'expected an IANA time zone like Europe/Paris or UTC';
export const timeZoneField = z.string({ error: TIME_ZONE_MESSAGE }).refine(isTimeZone, TIME_ZONE_MESSAGE);

// Slack's rule for channel names, and the shape of conversation IDs (public C…, private G…).
const CHANNEL_NAME = /^#?[a-z0-9_-]{1,80}$/;
const CHANNEL_ID = /^[CG][A-Z0-9]{8,}$/;
const CHANNEL_MESSAGE =
  'expected a channel name (at most 80 lowercase letters, digits, - and _) or a channel ID like C0123456789';

/** A channel name (a leading `#` is allowed and dropped) or a channel ID. */
export const channelField = z
  .string({ error: CHANNEL_MESSAGE })
  .refine((v) => CHANNEL_ID.test(v) || CHANNEL_NAME.test(v), CHANNEL_MESSAGE)
  .transform((v) => v.replace(/^#/, ''));

const USER_ID = /^[UW][A-Z0-9]{6,}$/;
export const userIdField = z
  .string({ error: 'expected a Slack user ID like U0123ABCD' })
  .regex(USER_ID, 'expected a Slack user ID like U0123ABCD (not a name or an @mention)');

const SLUG = /^[a-z0-9][a-z0-9._-]*$/;
/** Lower-case identifiers such as regime ids and tier names. */
export const slugField = (what: string) =>
  z
    .string({ error: `expected ${what} (lowercase letters, digits, ., - and _)` })
    .regex(SLUG, `expected ${what} (lowercase letters, digits, ., - and _)`);

export const textField = (what: string) =>
  z.string({ error: `expected ${what}` }).trim().min(1, `expected ${what}, not an empty text`);

export const emailField = z.email({ error: 'expected an email address like security@example.com' });

export const countField = (min: number, max: number) =>
  z
    .number({ error: `expected a whole number from ${min} to ${max}` })
    .int(`expected a whole number from ${min} to ${max}`)
    .min(min, `expected a whole number from ${min} to ${max}`)
    .max(max, `expected a whole number from ${min} to ${max}`);

/**
 * Messages for zod's strict objects: `unknown key "sevrities"` instead of zod's generic wording, so a
 * typo in warden.yaml is named, not silently ignored.
 */
export function objectMessage(issue: { code?: string; keys?: readonly string[] }): string | undefined {
  if (issue.code === 'invalid_type') return 'expected a mapping of keys (key: value lines)';
  if (issue.code !== 'unrecognized_keys' || !issue.keys) return undefined;
  const names = issue.keys.map((k) => `"${k}"`).join(', ');
  return issue.keys.length === 1 ? `unknown key ${names}` : `unknown keys ${names}`;
}

/** A strict object whose unknown keys are reported by name. */
export const strictObject = <S extends z.core.$ZodLooseShape>(shape: S) =>
  z.strictObject(shape, { error: (issue) => objectMessage(issue as { code?: string; keys?: string[] }) });

/**
 * Flags the second and later items of a list that share a name. It runs even when other items have
 * problems, so one check reports a duplicate together with everything else.
 */
export function uniqueNames(what: string) {
  return z.superRefine<readonly unknown[]>(
    (items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, index) => {
        const name = typeof item === 'object' && item !== null && 'name' in item ? item.name : undefined;
        if (typeof name !== 'string') return;
        if (seen.has(name)) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `${what} "${name}" is listed twice` });
        seen.add(name);
      });
    },
    { when: (payload) => Array.isArray(payload.value) },
  );
}

/**
 * A section written either as a list (`- name: ...` items) or as a map keyed by id. Each form has its own
 * schema, so a problem keeps its exact path (`severities[1].updateEvery`, `severities.p1.updateEvery`);
 * a plain union would drop them for one vague message. Editors see both forms in warden.schema.json.
 */
export function listOrMap<L extends z.ZodType, M extends z.ZodType>(list: L, map: M, expected: string) {
  const { $schema: _drop, ...forms } = z.toJSONSchema(z.union([list, map]), { io: 'input', target: 'draft-07', unrepresentable: 'any' });
  return z
    .unknown()
    .transform((value, ctx): z.output<L> | z.output<M> => {
      const schema = Array.isArray(value) ? list : typeof value === 'object' && value !== null ? map : null;
      if (!schema) {
        ctx.addIssue({ code: 'custom', message: expected });
        return z.NEVER;
      }
      const parsed = schema.safeParse(value);
      if (parsed.success) return parsed.data as z.output<L> | z.output<M>;
      for (const issue of parsed.error.issues) ctx.addIssue(issue as Parameters<typeof ctx.addIssue>[0]);
      return z.NEVER;
    })
    .meta(forms);
}

const HOLIDAYS_MESSAGE = 'expected a holiday calendar code known to date-holidays, like FR, US-NY or DE-BY';
/** A date-holidays calendar: a country, optionally a state and a region (`DE-BY`, `US-NY`). */
export const holidayCalendarField = z.string({ error: HOLIDAYS_MESSAGE }).refine(isKnownHolidayCalendar, HOLIDAYS_MESSAGE);

const LEAD_MESSAGE = 'expected a lead time like 2d or 4h (before the due time), 0 (at the due time) or 50% (of the time to the due time)';
const SHARE = /^([1-9]\d?)%$/;
/** A time before a due instant: a duration, `0` (YAML may read it as the number 0) for the due time itself, or a share of the window (`50%`). */
export const leadTimeField = z
  .union([z.literal(0), z.literal('0'), z.string().regex(SHARE), durationField], { error: LEAD_MESSAGE })
  .transform((v): number | { elapsed: number } => (v === '0' || v === 0 ? 0 : typeof v === 'string' ? { elapsed: Number(SHARE.exec(v)?.[1]) } : v));

/**
 * How an item with an owner and a due time is followed up (see platform/calendar/follow-up.ts): reminders
 * before it falls due, then while it is overdue, and when it escalates to the managers' channel.
 */
export const followUpSection = (defaults: { before: readonly (string | 0)[]; overdueEvery: string; overdueMax: number; escalateAfter: string }) =>
  strictObject({
    before: z.array(leadTimeField, { error: 'expected a list of lead times like [50%, 2d, 0]' }).prefault([...defaults.before]),
    overdueEvery: durationField.prefault(defaults.overdueEvery),
    overdueMax: countField(0, 100).default(defaults.overdueMax),
    escalateAfter: z.union([durationField, z.literal('never')], { error: 'expected a duration like 2d, or never' }).prefault(defaults.escalateAfter).transform((v) => (v === 'never' ? null : v)),
  })
    // Durations before the due time, and shares of the window (`50%`), as the follow-up plan reads them.
    .transform(({ before, ...rest }) => ({
      ...rest,
      before: before.filter((l): l is number => typeof l === 'number'),
      elapsed: before.flatMap((l) => (typeof l === 'number' ? [] : [l.elapsed])),
    }))
    .prefault({});
