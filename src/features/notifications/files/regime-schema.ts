/**
 * The zod schema of one regime file in `regimes/` (snake_case YAML, as in the research catalog it was
 * encoded from). It checks every value and every cross-reference, and turns the file into a domain Regime.
 */
import { z } from 'zod';
import { CLOCK_EVENTS } from '../../incidents/model.js';
import { isKnownHolidayCalendar } from '../../../platform/calendar/business-calendar.js';
import { isTimeZone } from '../../../platform/calendar/zones.js';
import { parseIsoDuration, type IsoDuration } from '../domain/deadlines/iso-duration.js';
import { ENTITY_TYPES } from '../domain/deadlines/entity.js';
import {
  BACKSTOP_LAPSE_RULES,
  JURISDICTION_CALENDARS,
  CLOCK_KINDS,
  CLOCK_UNITS,
  parseAnchor,
  REGIME_STATUSES,
  VERIFICATIONS,
  WEEKEND_RULE_KINDS,
  type Anchor,
  type ClockKind,
} from '../domain/deadlines/regime.js';
import { toRegime } from './to-regime.js';

const oneOf = (values: readonly string[]) => () => `expected one of ${values.join(', ')}`;
const text = z.string().trim().min(1, 'expected non-empty text');

export const anchorSchema = z.string().transform((s, ctx): Anchor => {
  const a = parseAnchor(s);
  if (a) return a;
  const message = `unknown anchor "${s}": expected a clock event (${CLOCK_EVENTS.join(', ')}), stage:<id>.submitted or year_end:<event>`;
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
});

export const isoDurationSchema = z.string().transform((s, ctx): IsoDuration => {
  const d = parseIsoDuration(s);
  if (d) return d;
  ctx.addIssue({ code: 'custom', message: `bad duration "${s}": expected an ISO 8601 duration like PT72H, P30D or P1M` });
  return z.NEVER;
});

const clockSchema = z.enum(CLOCK_KINDS, { error: oneOf(CLOCK_KINDS) });
const timedClockSchema = z.enum(['calendar_hours', 'calendar_days', 'calendar_months', 'business_days'], {
  error: oneOf(CLOCK_KINDS.filter((c) => c !== 'none')),
});
const verificationSchema = z.enum(VERIFICATIONS, { error: oneOf(VERIFICATIONS) });

const backstopSchema = z.strictObject({
  anchor: anchorSchema,
  offset: isoDurationSchema,
  clock: timedClockSchema,
  if_lapsed: z.enum(BACKSTOP_LAPSE_RULES, { error: oneOf(BACKSTOP_LAPSE_RULES) }).default('backstop_applies'),
  note: text.optional(),
  lapse_verification: verificationSchema.optional(),
});

const CUTOFF = /^([01]\d|2[0-3]):([0-5]\d)$/;
const cutoffSchema = z.string().regex(CUTOFF, 'expected a cut-off time as HH:MM (24 h, in the regime zone), like 17:30');

/** Why a duration does not fit a clock kind, or null when it does. */
export function periodMismatch(offset: IsoDuration, clock: ClockKind): string | null {
  const want = CLOCK_UNITS[clock];
  const u = offset.units;
  const fits =
    (want.units === 'time' && u.time && !u.days && !u.months) ||
    (want.units === 'days' && u.days && !u.time && !u.months && (clock !== 'business_days' || offset.weeks === 0)) ||
    (want.units === 'months' && u.months && !u.days && !u.time);
  return fits ? null : `clock ${clock} expects a duration like ${want.example}, got ${offset.text}`;
}

export const stageSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9_]+$/, 'expected a snake_case stage id'),
    recipient: text,
    anchor: anchorSchema,
    offset: isoDurationSchema.nullable(),
    clock: clockSchema,
    not_later_than: backstopSchema.optional(),
    internal_target: isoDurationSchema.optional(),
    hard_deadline: z.boolean().default(true),
    condition: text.optional(),
    text: text.optional(),
    notes: text.optional(),
    verification: verificationSchema.optional(),
    weekend_rule_applies: z.boolean().default(true),
    cutoff: cutoffSchema.optional(),
    cutoff_note: text.optional(),
  })
  .superRefine((s, ctx) => {
    const issue = (path: string[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (s.clock === 'none' && s.offset) issue(['offset'], 'clock none takes offset: null (no fixed period)');
    if (s.clock !== 'none' && !s.offset) issue(['offset'], `clock ${s.clock} needs an offset like ${CLOCK_UNITS[s.clock].example}, or use clock: none`);
    const mismatch = s.offset && s.clock !== 'none' ? periodMismatch(s.offset, s.clock) : null;
    if (mismatch) issue(['offset'], mismatch);
    const nlt = s.not_later_than ? periodMismatch(s.not_later_than.offset, s.not_later_than.clock) : null;
    if (nlt) issue(['not_later_than', 'offset'], nlt);
    if (s.not_later_than && !s.offset) issue(['not_later_than'], 'a not_later_than backstop needs a main offset to compare with');
    if (s.cutoff && !s.offset) issue(['cutoff'], 'a cut-off needs a fixed period (offset) to cut');
    if (s.cutoff_note && !s.cutoff) issue(['cutoff_note'], 'cutoff_note explains a cutoff: set cutoff too');
    if (s.internal_target && s.offset) issue(['internal_target'], 'internal_target is only for stages without a fixed period (offset: null)');
    if (s.internal_target && s.internal_target.units.time && (s.internal_target.units.days || s.internal_target.units.months)) {
      issue(['internal_target'], 'internal_target uses one unit kind: hours (PT24H), days (P3D) or months (P1M)');
    }
  });

const jurisdictionSchema = z.strictObject({
  name: text,
  calendar: z.enum(JURISDICTION_CALENDARS, { error: oneOf(JURISDICTION_CALENDARS) }).default('fixed'),
  zone: z.string().refine(isTimeZone, { error: (i) => `unknown time zone "${String(i.input)}": expected an IANA zone like Europe/Brussels` }),
  holidays: z.string().refine(isKnownHolidayCalendar, {
    error: (i) => `unknown holiday calendar "${String(i.input)}": expected a date-holidays code like US, US-CO, SG or DE-BY`,
  }),
});

const weekendRuleSchema = z.strictObject({
  kind: z.enum(WEEKEND_RULE_KINDS, { error: oneOf(WEEKEND_RULE_KINDS) }),
  description: text,
  verification: verificationSchema,
  excluded_entity_types: z.array(z.enum(ENTITY_TYPES, { error: oneOf(ENTITY_TYPES) })).default([]),
  excluded_stages: z.array(z.string()).default([]),
  exclusion_citation: text.optional(),
});

const rawRegimeSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case regime id like uk-gdpr'),
    name: text,
    reference_id: text.optional(),
    jurisdiction: jurisdictionSchema,
    status: z.enum(REGIME_STATUSES, { error: oneOf(REGIME_STATUSES) }),
    status_note: text.optional(),
    enabled_by_default: z.boolean().default(true),
    who_notifies: text,
    trigger: z.strictObject({ anchor: anchorSchema, description: text }),
    stages: z.array(stageSchema).min(1, 'expected at least one stage'),
    weekend_rule: weekendRuleSchema.nullable().default(null),
    citation: text,
    sources: z.array(z.url({ error: 'expected a URL' })).min(1, 'expected at least one source'),
    verification: verificationSchema,
    notes: text.optional(),
    open_questions: z.array(text).default([]),
  })
  .superRefine((r, ctx) => {
    if (r.status === 'proposed' && r.enabled_by_default) {
      ctx.addIssue({ code: 'custom', path: ['enabled_by_default'], message: 'a proposed regime must set enabled_by_default: false' });
    }
    checkStageReferences(r.stages, ctx);
    const ids = r.stages.map((s) => s.id);
    (r.weekend_rule?.excluded_stages ?? []).forEach((id, i) => {
      if (!ids.includes(id)) ctx.addIssue({ code: 'custom', path: ['weekend_rule', 'excluded_stages', i], message: `unknown stage "${id}"; stages: ${ids.join(', ')}` });
    });
  });

export type RawRegime = z.output<typeof rawRegimeSchema>;

/** A chained anchor must name a stage defined EARLIER in the same regime (so chains cannot loop). */
function checkStageReferences(stages: RawRegime['stages'], ctx: z.RefinementCtx): void {
  const seen: string[] = [];
  stages.forEach((s, i) => {
    if (seen.includes(s.id)) ctx.addIssue({ code: 'custom', path: ['stages', i, 'id'], message: `stage id "${s.id}" is used twice` });
    const refs: [Anchor, (string | number)[]][] = [[s.anchor, ['stages', i, 'anchor']]];
    if (s.not_later_than) refs.push([s.not_later_than.anchor, ['stages', i, 'not_later_than', 'anchor']]);
    for (const [a, path] of refs) {
      if (a.kind === 'stage_submitted' && !seen.includes(a.stageId)) {
        const known = seen.length > 0 ? seen.join(', ') : 'none';
        ctx.addIssue({ code: 'custom', path, message: `anchor refers to stage "${a.stageId}", which is not an earlier stage of this regime (earlier stages: ${known})` });
      }
    }
    seen.push(s.id);
  });
}

/** One regime file, validated and converted to the domain model. */
export const regimeFileSchema = rawRegimeSchema.transform(toRegime);
