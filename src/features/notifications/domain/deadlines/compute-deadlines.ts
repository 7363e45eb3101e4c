/**
 * The legal notification clock engine: given a regime, what has happened (clock events, submissions,
 * not-notifiable decisions) and `now`, it computes every stage's due instant and status. Pure: no I/O, no
 * clock reads.
 */
import { WardenError } from '../../../../platform/errors.js';
import { addPeriod, endOfLocalYear, nextWorkingDayNoon } from './clock-math.js';
import { formatAnchor, weakerVerification, type Anchor, type Regime, type Stage, type Verification } from './regime.js';
import {
  deadlineStatus,
  type DeadlineInput,
  type DeadlineOptions,
  type DueKind,
  type StageDeadline,
} from './stage-deadline.js';

interface Due {
  readonly at: Date;
  readonly windowStart: Date;
  readonly verification: Verification;
  readonly basis: readonly string[];
}

/**
 * Every stage of `regime`, in catalog order, with its due instant and its status at `now`.
 * Stages chained on an earlier stage (`stage:<id>.submitted`) wait until that submission is recorded.
 * @throws WardenError('bad_input') when an input instant is not a valid Date.
 */
export function computeDeadlines(regime: Regime, input: DeadlineInput, now: Date, options: DeadlineOptions = {}): StageDeadline[] {
  assertValidInstants(input, now);
  const fraction = options.dueSoonFraction ?? 0.25;
  return regime.stages.map((stage) => computeStage(regime, stage, input, now, fraction));
}

function computeStage(regime: Regime, stage: Stage, input: DeadlineInput, now: Date, fraction: number): StageDeadline {
  const anchorAt = resolveAnchor(stage.anchor, input, regime.jurisdiction.zone);
  const stageVerification = stage.verification ?? regime.verification;
  const backstopDue = computeBackstop(regime, stage, input);
  const legal = anchorAt ? legalDue(regime, stage, anchorAt, backstopDue, stageVerification) : null;
  const internal = !legal && anchorAt ? internalDue(regime, stage, anchorAt, stageVerification) : null;
  const chosen = legal ?? internal;
  const dueKind: DueKind = stage.offset && stage.clock !== 'none' ? 'legal' : stage.internalTarget ? 'internal' : 'none';
  const submittedAt = input.submissions?.[stage.id] ?? null;
  const notNotifiable = input.notNotifiable?.[stage.id] ?? null;
  const waitingFor = anchorAt ? null : formatAnchor(stage.anchor);
  const fields = { due: chosen?.at ?? null, anchorAt, waitingFor, submittedAt, notNotifiable };
  const status = deadlineStatus(fields, chosen?.windowStart ?? null, now, fraction);
  const live = status === 'open' || status === 'due_soon' || status === 'overdue';
  return {
    regimeId: regime.id,
    regimeName: regime.name,
    regimeStatus: regime.status,
    stageId: stage.id,
    recipient: stage.recipient,
    anchor: formatAnchor(stage.anchor),
    clock: stage.clock,
    offset: stage.offset?.text ?? null,
    ...fields,
    dueKind,
    backstopDue,
    status,
    timeLeftMs: live && fields.due ? fields.due.getTime() - now.getTime() : null,
    submittedLate: submittedAt && fields.due ? submittedAt.getTime() > fields.due.getTime() : null,
    condition: stage.condition,
    hardDeadline: stage.hardDeadline,
    text: stage.text,
    citation: regime.citation,
    verification: chosen?.verification ?? stageVerification,
    zone: regime.jurisdiction.zone,
    holidays: regime.jurisdiction.holidays,
    basis: chosen?.basis ?? waitingBasis(stage, waitingFor, backstopDue),
  };
}

function resolveAnchor(anchor: Anchor, input: DeadlineInput, zone: string): Date | null {
  if (anchor.kind === 'event') return input.events[anchor.event] ?? null;
  if (anchor.kind === 'stage_submitted') return input.submissions?.[anchor.stageId] ?? null;
  const at = input.events[anchor.event];
  return at ? endOfLocalYear(at, zone) : null;
}

function computeBackstop(regime: Regime, stage: Stage, input: DeadlineInput): Date | null {
  const b = stage.notLaterThan;
  const at = b ? resolveAnchor(b.anchor, input, regime.jurisdiction.zone) : null;
  return b && at ? addPeriod(at, b.offset, b.clock, regime.jurisdiction) : null;
}

function legalDue(regime: Regime, stage: Stage, anchorAt: Date, backstopDue: Date | null, v: Verification): Due | null {
  if (!stage.offset || stage.clock === 'none') return null;
  const main = addPeriod(anchorAt, stage.offset, stage.clock, regime.jurisdiction);
  const anchorText = formatAnchor(stage.anchor);
  let due: Due = { at: main, windowStart: anchorAt, verification: v, basis: [`${stage.offset.text} (${stage.clock}) from ${anchorText}`] };
  const b = stage.notLaterThan;
  if (b && backstopDue && backstopDue.getTime() < main.getTime()) {
    const backstopText = `${b.offset.text} (${b.clock}) from ${formatAnchor(b.anchor)}`;
    if (b.ifLapsed === 'main_applies' && anchorAt.getTime() > backstopDue.getTime()) {
      const lapse = `${anchorText} came after the ${backstopText} backstop had passed, so the period from ${anchorText} applies`;
      const note = b.note ? `${lapse} (${b.note})` : lapse;
      due = { ...due, verification: weakerVerification(v, b.lapseVerification ?? v), basis: [...due.basis, note] };
    } else {
      const windowStart = new Date(Math.min(anchorAt.getTime(), backstopDue.getTime()));
      due = { at: backstopDue, windowStart, verification: v, basis: [...due.basis, `not later than ${backstopText}, which is earlier`] };
    }
  }
  return applyWeekendRule(regime, stage, due);
}

function applyWeekendRule(regime: Regime, stage: Stage, due: Due): Due {
  const rule = regime.weekendRule;
  if (!rule || !stage.weekendRuleApplies) return due;
  const moved = nextWorkingDayNoon(due.at, regime.jurisdiction);
  if (!moved) return due;
  const why = `moved from ${due.at.toISOString()} (not a working day in ${regime.jurisdiction.holidays}) to 12:00 next working day: ${rule.description}`;
  return { ...due, at: moved, verification: weakerVerification(due.verification, rule.verification), basis: [...due.basis, why] };
}

function internalDue(regime: Regime, stage: Stage, anchorAt: Date, v: Verification): Due | null {
  const t = stage.internalTarget;
  if (!t) return null;
  const clock = t.units.months ? 'calendar_months' : t.units.days ? 'calendar_days' : 'calendar_hours';
  const at = addPeriod(anchorAt, t, clock, regime.jurisdiction);
  const law = stage.text ? `no fixed legal period ("${stage.text}")` : 'no fixed legal period';
  return { at, windowStart: anchorAt, verification: v, basis: [`${law}; internal target ${t.text} from ${formatAnchor(stage.anchor)} (house SLA, not law)`] };
}

function waitingBasis(stage: Stage, waitingFor: string | null, backstopDue: Date | null): string[] {
  if (!waitingFor) return [stage.text ? `no fixed period: ${stage.text}` : 'no fixed period'];
  const basis = [`waiting for ${waitingFor}`];
  if (backstopDue) basis.push(`if it happens, not later than ${backstopDue.toISOString()}`);
  return basis;
}

function assertValidInstants(input: DeadlineInput, now: Date): void {
  const all: [string, unknown][] = [
    ['now', now],
    ...Object.entries(input.events).filter(([, d]) => d !== undefined),
    ...Object.entries(input.submissions ?? {}).map(([k, d]): [string, unknown] => [`submission of ${k}`, d]),
  ];
  for (const [name, d] of all) {
    if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new WardenError('bad_input', `${name}: not a valid instant`);
  }
}
