/**
 * The notification-regime model: what the catalog in `regimes/*.yaml` becomes once validated.
 * Each const array is the one source of its allowed values (types and zod schemas derive from it).
 */
import { CLOCK_EVENTS, type ClockEvent } from '../../../incidents/model.js';
import type { EntityType } from './entity.js';
import type { IsoDuration } from './iso-duration.js';

/** How a period is counted. See docs/clock-kinds.md for the meaning of each. */
export const CLOCK_KINDS = ['calendar_hours', 'calendar_days', 'calendar_months', 'business_days', 'none'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

/** How sure the catalog is of a rule, strongest first (see the reference catalog's header). */
export const VERIFICATIONS = ['verified', 'verified_secondary', 'partial', 'unverified'] as const;
export type Verification = (typeof VERIFICATIONS)[number];

export const REGIME_STATUSES = ['in_force', 'proposed'] as const;
export type RegimeStatus = (typeof REGIME_STATUSES)[number];

/** Relief for a deadline landing on a non-working day. Only one kind exists today (DORA RTS 2025/301 Art 5). */
export const WEEKEND_RULE_KINDS = ['next_working_day_noon'] as const;
export type WeekendRuleKind = (typeof WEEKEND_RULE_KINDS)[number];

/** When a backstop has already passed by the time the main anchor happens (e.g. DORA late classification). */
export const BACKSTOP_LAPSE_RULES = ['backstop_applies', 'main_applies'] as const;
export type BackstopLapseRule = (typeof BACKSTOP_LAPSE_RULES)[number];

/**
 * What a clock runs from: a recorded clock event, the submission of an earlier stage, or the end of the
 * calendar year (in the jurisdiction's zone) in which an event happened.
 */
export type Anchor =
  | { readonly kind: 'event'; readonly event: ClockEvent }
  | { readonly kind: 'stage_submitted'; readonly stageId: string }
  | { readonly kind: 'year_end'; readonly event: ClockEvent };

/**
 * Whose calendar counts: `fixed`, the regime's own zone and holidays; `member_state`, the entity's (EU law:
 * its Member State's holidays in its zone; the regime's are only a stand-in, with a warning); `us_federal`,
 * the regime's holidays, with an event's date read in the entity's zone and in the regime's, the earlier wins.
 */
export const JURISDICTION_CALENDARS = ['fixed', 'member_state', 'us_federal'] as const;
export type JurisdictionCalendar = (typeof JURISDICTION_CALENDARS)[number];

export interface Jurisdiction {
  readonly name: string;
  readonly calendar?: JurisdictionCalendar;
  /** IANA zone in which day and month counts and weekend rules are evaluated. */
  readonly zone: string;
  /** date-holidays calendar: `US`, `US-CO`, `SG`, `DE-BY` ... (public holidays only). */
  readonly holidays: string;
}

export interface Backstop {
  readonly anchor: Anchor;
  readonly offset: IsoDuration;
  readonly clock: Exclude<ClockKind, 'none'>;
  readonly ifLapsed: BackstopLapseRule;
  readonly note: string | null;
  /** How sure the catalog is of the `ifLapsed` behaviour; null = the stage's verification. */
  readonly lapseVerification: Verification | null;
}

export interface WeekendRule {
  readonly kind: WeekendRuleKind;
  readonly description: string;
  readonly verification: Verification;
  /** Entity types the law gives no relief, for `excludedStages` (all stages when empty). */
  readonly excludedEntityTypes: readonly EntityType[];
  readonly excludedStages: readonly string[];
  /** The provision that excludes them (`RTS 2025/301 Art 5(5)`). */
  readonly exclusionCitation: string | null;
}

/** A filing cut-off: a due instant later than this wall time on its day becomes this time (EDGAR's 17:30 ET). */
export interface Cutoff {
  readonly hour: number;
  readonly minute: number;
  /** `17:30`, as written. */
  readonly text: string;
  readonly note: string | null;
}

export interface Stage {
  readonly id: string;
  readonly recipient: string;
  readonly anchor: Anchor;
  /** null = no fixed period ("without undue delay"). */
  readonly offset: IsoDuration | null;
  readonly clock: ClockKind;
  /** Extra backstop: the EARLIER deadline wins. */
  readonly notLaterThan: Backstop | null;
  /** House SLA for stages without a fixed period; always shown as internal, never as law. */
  readonly internalTarget: IsoDuration | null;
  /** false where the law says "where feasible" and a late notice must give reasons. */
  readonly hardDeadline: boolean;
  /** Applicability test a person must confirm (thresholds ...). */
  readonly condition: string | null;
  readonly text: string | null;
  readonly notes: string | null;
  /** The stage's own verification; null = the regime's. */
  readonly verification: Verification | null;
  /** false to exempt this stage from the regime's weekend rule. */
  readonly weekendRuleApplies: boolean;
  /** In the regime's zone; null = the day's end. */
  readonly cutoff?: Cutoff | null;
}

export interface Regime {
  readonly id: string;
  readonly name: string;
  /** Id of the rule in the research catalog this regime was encoded from. */
  readonly referenceId: string | null;
  readonly jurisdiction: Jurisdiction;
  readonly status: RegimeStatus;
  readonly statusNote: string | null;
  readonly enabledByDefault: boolean;
  readonly whoNotifies: string;
  readonly trigger: { readonly anchor: Anchor; readonly description: string };
  readonly stages: readonly Stage[];
  readonly weekendRule: WeekendRule | null;
  readonly citation: string;
  readonly sources: readonly string[];
  readonly verification: Verification;
  readonly notes: string | null;
  readonly openQuestions: readonly string[];
}

const STAGE_ANCHOR = /^stage:([a-z0-9_]+)\.submitted$/;
const YEAR_END_ANCHOR = /^year_end:([a-z_]+)$/;
const isClockEvent = (s: string): s is ClockEvent => (CLOCK_EVENTS as readonly string[]).includes(s);

/** `became_aware`, `stage:pdpc.submitted` or `year_end:discovered` -> Anchor; null if none of those. */
export function parseAnchor(text: string): Anchor | null {
  if (isClockEvent(text)) return { kind: 'event', event: text };
  const stage = STAGE_ANCHOR.exec(text);
  if (stage?.[1]) return { kind: 'stage_submitted', stageId: stage[1] };
  const yearEnd = YEAR_END_ANCHOR.exec(text);
  if (yearEnd?.[1] && isClockEvent(yearEnd[1])) return { kind: 'year_end', event: yearEnd[1] };
  return null;
}

/** The inverse of parseAnchor, for display and for `waitingFor`. */
export function formatAnchor(a: Anchor): string {
  if (a.kind === 'event') return a.event;
  if (a.kind === 'stage_submitted') return `stage:${a.stageId}.submitted`;
  return `year_end:${a.event}`;
}

/** The weaker of two verification levels (a deadline is only as sure as its least sure input). */
export function weakerVerification(a: Verification, b: Verification): Verification {
  return VERIFICATIONS.indexOf(a) >= VERIFICATIONS.indexOf(b) ? a : b;
}

/** Which period units a clock kind accepts, for the catalog loader's checks. */
export const CLOCK_UNITS: Readonly<Record<ClockKind, { units: 'time' | 'days' | 'months' | null; example: string }>> = {
  calendar_hours: { units: 'time', example: 'PT72H' },
  calendar_days: { units: 'days', example: 'P30D' },
  calendar_months: { units: 'months', example: 'P1M' },
  business_days: { units: 'days', example: 'P4D' },
  none: { units: null, example: 'null' },
};
