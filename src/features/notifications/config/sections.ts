import { z } from 'zod';
import { parseDuration } from '../../../platform/duration.js';
import { CLOCK_EVENTS } from '../../incidents/model.js';
import { DEFAULT_CUSTOMER_TIERS, DEFAULT_REMINDER_LEAD_TIMES } from './defaults.js';
import { ENTITY_TYPES, type Entity } from '../domain/deadlines/entity.js';
import { isKnownHolidayCalendar } from '../../../platform/calendar/business-calendar.js';
import { countField, durationField, emailField, holidayCalendarField, uniqueNames, slugField, strictObject, textField, timeZoneField } from '../../../platform/config/fields.js';

/**
 * When to remind the comms lead about a notification clock: `elapsed` once that share of the window has
 * passed (`50%`), `before` that long before the due time (`4h`; `0` is the due time itself).
 */
export type LeadTime = { kind: 'elapsed'; percent: number } | { kind: 'before'; ms: number };

const LEAD_TIME_MESSAGE = 'expected a lead time like 50% (of the window), 4h (before the due time) or 0 (at the due time)';
const LEAD_TIME_PATTERN = /^(?:[1-9]\d?%|0|(?:\d+[smhdw])+)$/;

/** `50%` | `4h` | `0` -> LeadTime, or null when the text is none of those. */
export function parseLeadTime(text: string): LeadTime | null {
  if (!LEAD_TIME_PATTERN.test(text)) return null;
  if (text === '0') return { kind: 'before', ms: 0 };
  if (text.endsWith('%')) return { kind: 'elapsed', percent: Number(text.slice(0, -1)) };
  const ms = parseDuration(text);
  return ms === null ? null : { kind: 'before', ms };
}

// YAML reads an unquoted `0` as a number: accept it as the due time.
const leadTimeField = z
  .union([z.string().regex(LEAD_TIME_PATTERN, LEAD_TIME_MESSAGE), z.literal(0)], { error: LEAD_TIME_MESSAGE })
  .transform((value, ctx): LeadTime => {
    const lead = parseLeadTime(String(value));
    if (lead === null) {
      ctx.addIssue({ code: 'custom', message: LEAD_TIME_MESSAGE });
      return z.NEVER;
    }
    return lead;
  });

/** `all-in-force` (every regime of the catalog whose status is in force) or an explicit list of ids. */
export const ALL_IN_FORCE = 'all-in-force';

const regimesSection = strictObject({
  enabled: z
    .union([z.literal(ALL_IN_FORCE), z.array(slugField('a regime id like gdpr'))], {
      error: `expected ${ALL_IN_FORCE} or a list of regime ids`,
    })
    .default(ALL_IN_FORCE),
  extraDirs: z.array(textField('a directory'), { error: 'expected a list of directories' }).default([]),
}).prefault({});

const customerTier = strictObject({
  name: slugField('a tier name like enterprise'),
  anchor: z.enum(CLOCK_EVENTS, { error: `expected one of ${CLOCK_EVENTS.join(', ')}` }),
  within: durationField,
  description: textField('a description'),
});

export const notificationsSection = strictObject({
  reminderLeadTimes: z
    .array(leadTimeField, { error: 'expected a list of lead times like [50%, 4h, 1h, 0]' })
    .prefault(DEFAULT_REMINDER_LEAD_TIMES),
  afterDueEvery: durationField.prefault('1h'),
  afterDueMax: countField(0, 1000).default(12),
  regimes: regimesSection,
  // A file that lists tiers replaces the default list: contracts differ, so tiers are not merged by name.
  customerTiers: z
    .array(customerTier, { error: 'expected a list of customer tiers (- name: enterprise ...)' })
    .check(uniqueNames('customer tier'))
    .prefault(DEFAULT_CUSTOMER_TIERS),
}).prefault({});

const COUNTRY_MESSAGE = 'expected an ISO 3166 alpha-2 country code like DE or FI (its public holidays count)';
const countryField = z
  .string({ error: COUNTRY_MESSAGE })
  .regex(/^[A-Z]{2}$/, COUNTRY_MESSAGE)
  .refine((c) => !/^[A-Z]{2}$/.test(c) || isKnownHolidayCalendar(c), { error: (i) => `no public-holiday calendar for country "${String(i.input)}": ${COUNTRY_MESSAGE}` });

/** A legal entity of the company: what the legal clocks need to know of it (see docs/entities.md). */
const entitySection = strictObject({
  name: textField('the entity name'),
  type: z.enum(ENTITY_TYPES, { error: `expected one of ${ENTITY_TYPES.join(', ')}` }).describe("DORA's category of financial entity, or nis2_essential / nis2_important / other."),
  country: countryField.describe('ISO 3166 alpha-2 (the Member State for EU law): sets the public-holiday calendar.'),
  timeZone: timeZoneField.describe("IANA zone of the entity's working days."),
  doraReliefExcluded: z.boolean({ error: 'expected true or false' }).default(false).describe('The competent authority excluded this entity from DORA weekend relief (RTS 2025/301 Art 5(6)).'),
});

export type EntityConfig = z.output<typeof entitySection>;

/** A configured entity as the deadline engine reads it. */
export const toEntity = (e: EntityConfig): Entity => ({ name: e.name, type: e.type, country: e.country, zone: e.timeZone, doraReliefExcluded: e.doraReliefExcluded });

export const companySection = strictObject({
  name: textField('the company name').default('Example Ltd'),
  contactEmail: emailField.default('security@example.com'),
  dpoContact: textField('how to reach the data protection officer').default('dpo@example.com'),
  contactPhone: textField('a telephone number').optional().describe('The telephone number people call about a notice (HIPAA 164.404(c)(1)(E) asks for a toll-free one); none: notices show it as to complete.'),
  holidays: holidayCalendarField.optional().describe('Public holidays of the company (a date-holidays code like FR): review due dates and reminders skip them; none: weekends only.'),
  timeZone: timeZoneField.optional().describe('Where the company\'s working days start and end (default: the display timeZone).'),
  entities: z
    .array(entitySection, { error: 'expected a list of entities (- name: ... type: credit_institution country: DE timeZone: Europe/Berlin)' })
    .check(uniqueNames('entity'))
    .default([])
    .describe('Legal entities the legal clocks are computed for; the first one is used on incident boards.'),
}).prefault({});

export const templatesSection = strictObject({
  dir: textField('a directory').default('templates'),
}).prefault({});

