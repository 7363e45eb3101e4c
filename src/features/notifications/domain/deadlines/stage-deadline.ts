/** The computed state of one stage of one regime, as the UI, the scheduler and `warden deadlines` see it. */
import type { ClockEvent } from '../../../incidents/index.js';
import type { Entity } from './entity.js';
import type { ClockKind, RegimeStatus, Verification } from './regime.js';

export const DEADLINE_STATUSES = ['waiting', 'open', 'due_soon', 'overdue', 'submitted', 'not_notifiable'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/**
 * What kind of deadline a stage has, whether or not its anchor is known yet: `legal`, a period the rule
 * fixes; `internal`, a house SLA for a rule without one; `none`, no due instant at all.
 */
export const DUE_KINDS = ['legal', 'internal', 'none'] as const;
export type DueKind = (typeof DUE_KINDS)[number];

/** A documented decision that a stage does not apply (e.g. GDPR Art 33(1) "unlikely to result in a risk"). */
export interface NotNotifiableDecision {
  readonly reason: string;
  readonly decidedAt: Date;
}

/** What has happened so far: recorded clock events, stage submissions, and not-notifiable decisions. */
export interface DeadlineInput {
  readonly events: Readonly<Partial<Record<ClockEvent, Date>>>;
  /** Submission instants by stage id. */
  readonly submissions?: Readonly<Record<string, Date>>;
  readonly notNotifiable?: Readonly<Record<string, NotNotifiableDecision>>;
}

export interface DeadlineOptions {
  /** A stage is `due_soon` once this fraction of its window (anchor -> due) remains. Default 0.25. */
  readonly dueSoonFraction?: number;
  /** The entity the deadlines are for: its type, Member State and zone (null: none given, which is warned about). */
  readonly entity?: Entity | null;
}

/** What weekend relief did to a due instant. */
export const RELIEF_OUTCOMES = ['applied', 'refused', 'not_needed', 'none'] as const;
export type ReliefOutcome = (typeof RELIEF_OUTCOMES)[number];

/** The rules that produced a due instant, beyond the period itself. */
export interface DueRule {
  /** `17:30 America/New_York` when a filing cut-off moved the due instant to it. */
  readonly cutoff: string | null;
  /** `none`: the regime or stage has no weekend rule; `not_needed`: the due instant is on a working day. */
  readonly relief: ReliefOutcome;
  readonly reliefReason: string | null;
  /** The zone that read the anchor's date for a day count; null for elapsed hours. */
  readonly eventDateZone: string | null;
}

export const NO_RULE: DueRule = { cutoff: null, relief: 'none', reliefReason: null, eventDateZone: null };

export interface StageDeadline {
  readonly regimeId: string;
  readonly regimeName: string;
  /** `proposed` regimes (e.g. CIRCIA) are not law yet: label them. */
  readonly regimeStatus: RegimeStatus;
  readonly stageId: string;
  readonly recipient: string;
  /** The anchor as written in the catalog (`became_aware`, `stage:pdpc.submitted` ...). */
  readonly anchor: string;
  readonly anchorAt: Date | null;
  readonly clock: ClockKind;
  /** ISO 8601 period, or null when the rule fixes none. */
  readonly offset: string | null;
  readonly due: Date | null;
  readonly dueKind: DueKind;
  /** The `not_later_than` deadline when its anchor is known, whether or not it won. */
  readonly backstopDue: Date | null;
  /** The missing anchor (an event or `stage:<id>.submitted`) that keeps this stage waiting. */
  readonly waitingFor: string | null;
  readonly status: DeadlineStatus;
  /** due - now for open, due_soon and overdue stages (negative when overdue); null otherwise. */
  readonly timeLeftMs: number | null;
  readonly submittedAt: Date | null;
  /** true when submitted after a legal or internal due instant. */
  readonly submittedLate: boolean | null;
  readonly notNotifiable: NotNotifiableDecision | null;
  readonly condition: string | null;
  readonly hardDeadline: boolean;
  readonly text: string | null;
  readonly citation: string;
  /** The weakest verification of the inputs that produced `due` (stage, backstop rule, weekend rule). */
  readonly verification: Verification;
  readonly zone: string;
  readonly holidays: string;
  /** Human-readable steps that produced `due`, for the UI and the CLI. */
  readonly basis: readonly string[];
  readonly rule: DueRule;
  /** What the reader must know to trust `due`: a stand-in calendar, no relief for want of an entity, an unknown backstop. */
  readonly warnings: readonly string[];
}

/** The status of a stage relative to `now`. Pure. */
export function deadlineStatus(
  s: { due: Date | null; anchorAt: Date | null; waitingFor: string | null; submittedAt: Date | null; notNotifiable: unknown },
  windowStart: Date | null,
  now: Date,
  dueSoonFraction: number,
): DeadlineStatus {
  if (s.notNotifiable) return 'not_notifiable';
  if (s.submittedAt) return 'submitted';
  if (s.waitingFor) return 'waiting';
  if (!s.due) return 'open';
  const left = s.due.getTime() - now.getTime();
  if (left < 0) return 'overdue';
  const window = windowStart ? s.due.getTime() - windowStart.getTime() : 0;
  return left <= window * dueSoonFraction ? 'due_soon' : 'open';
}
