/**
 * The legal notification clock engine: given a regime, what has happened (clock events, submissions,
 * not-notifiable decisions) and `now`, it computes every stage's due instant and status. Pure: no I/O, no
 * clock reads.
 */
import { WardenError } from '../../../../platform/errors.js';
import { atCutoff, endOfLocalYear } from './clock-math.js';
import { formatAnchor, weakerVerification, type Anchor, type Stage, type Verification } from './regime.js';
import type { Regime } from './regime.js';
import { addPeriodIn, regimeContext, type RegimeContext } from './regime-context.js';
import {
  deadlineStatus,
  NO_RULE,
  type DeadlineInput,
  type DeadlineOptions,
  type DueKind,
  type DueRule,
  type StageDeadline,
} from './stage-deadline.js';
import { applyRelief } from './weekend-relief.js';

interface Due {
  readonly at: Date;
  readonly windowStart: Date;
  readonly verification: Verification;
  readonly basis: readonly string[];
  readonly rule: DueRule;
}

/**
 * Every stage of `regime`, in catalog order, with its due instant and its status at `now`.
 * Stages chained on an earlier stage (`stage:<id>.submitted`) wait until that submission is recorded.
 * @throws WardenError('bad_input') when an input instant is not a valid Date.
 */
export function computeDeadlines(regime: Regime, input: DeadlineInput, now: Date, options: DeadlineOptions = {}): StageDeadline[] {
  assertValidInstants(input, now);
  const fraction = options.dueSoonFraction ?? 0.25;
  const ctx = regimeContext(regime, options.entity ?? null);
  return regime.stages.map((stage) => computeStage(ctx, stage, input, now, fraction));
}

function computeStage(ctx: RegimeContext, stage: Stage, input: DeadlineInput, now: Date, fraction: number): StageDeadline {
  const { regime } = ctx;
  const anchorAt = resolveAnchor(stage.anchor, input, ctx.zone);
  const stageVerification = stage.verification ?? regime.verification;
  const backstopDue = computeBackstop(ctx, stage, input);
  const legal = anchorAt ? legalDue(ctx, stage, anchorAt, backstopDue, stageVerification) : null;
  const internal = !legal && anchorAt ? internalDue(ctx, stage, anchorAt, stageVerification) : null;
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
    // A day count read in the entity's zone shows its wall clock there.
    zone: chosen?.rule.eventDateZone ?? ctx.zone,
    holidays: ctx.holidays,
    basis: chosen?.basis ?? waitingBasis(stage, waitingFor, backstopDue),
    rule: chosen?.rule ?? NO_RULE,
    warnings: [...ctx.warnings, ...backstopWarnings(stage, input, anchorAt)],
  };
}

/** A backstop whose anchor is not recorded may be the earlier deadline: say so rather than show the main one as sure. */
function backstopWarnings(stage: Stage, input: DeadlineInput, anchorAt: Date | null): string[] {
  const b = stage.notLaterThan;
  if (!b || !anchorAt || resolveAnchor(b.anchor, input, 'UTC')) return [];
  const what = formatAnchor(b.anchor);
  return [`${what} is not recorded: the ${b.offset.text} backstop from ${what} is unknown and may be earlier than this due time; record ${what}`];
}

function resolveAnchor(anchor: Anchor, input: DeadlineInput, zone: string): Date | null {
  if (anchor.kind === 'event') return input.events[anchor.event] ?? null;
  if (anchor.kind === 'stage_submitted') return input.submissions?.[anchor.stageId] ?? null;
  const at = input.events[anchor.event];
  return at ? endOfLocalYear(at, zone) : null;
}

function computeBackstop(ctx: RegimeContext, stage: Stage, input: DeadlineInput): Date | null {
  const b = stage.notLaterThan;
  const at = b ? resolveAnchor(b.anchor, input, ctx.zone) : null;
  return b && at ? addPeriodIn(ctx, at, b.offset, b.clock).at : null;
}

function legalDue(ctx: RegimeContext, stage: Stage, anchorAt: Date, backstopDue: Date | null, v: Verification): Due | null {
  if (!stage.offset || stage.clock === 'none') return null;
  const period = addPeriodIn(ctx, anchorAt, stage.offset, stage.clock);
  const main = period.at;
  const anchorText = formatAnchor(stage.anchor);
  const first = [`${stage.offset.text} (${stage.clock}) from ${anchorText}`, ...(period.readingNote ? [period.readingNote] : [])];
  const rule: DueRule = { ...NO_RULE, eventDateZone: period.readIn };
  let due: Due = { at: main, windowStart: anchorAt, verification: v, basis: first, rule };
  const b = stage.notLaterThan;
  if (b && backstopDue && backstopDue.getTime() < main.getTime()) {
    const backstopText = `${b.offset.text} (${b.clock}) from ${formatAnchor(b.anchor)}`;
    if (b.ifLapsed === 'main_applies' && anchorAt.getTime() > backstopDue.getTime()) {
      const lapse = `${anchorText} came after the ${backstopText} backstop had passed, so the period from ${anchorText} applies`;
      const note = b.note ? `${lapse} (${b.note})` : lapse;
      due = { ...due, verification: weakerVerification(v, b.lapseVerification ?? v), basis: [...due.basis, note] };
    } else {
      const windowStart = new Date(Math.min(anchorAt.getTime(), backstopDue.getTime()));
      due = { at: backstopDue, windowStart, verification: v, basis: [...due.basis, `not later than ${backstopText}, which is earlier`], rule: due.rule };
    }
  }
  return withRelief(ctx, stage, withCutoff(ctx, stage, due, period.readIn ?? ctx.regime.jurisdiction.zone));
}

/** A filing cut-off in the regime's zone, on the day the count ended (in the zone that read it). */
function withCutoff(ctx: RegimeContext, stage: Stage, due: Due, dayZone: string): Due {
  const c = stage.cutoff;
  if (!c) return due;
  const zone = ctx.regime.jurisdiction.zone;
  const at = atCutoff(due.at, c, dayZone, zone);
  if (!at) return due;
  const line = `filing cut-off ${c.text} ${zone}: due by ${c.text} on that day${c.note ? ` (${c.note})` : ''}`;
  return { ...due, at, basis: [...due.basis, line], rule: { ...due.rule, cutoff: `${c.text} ${zone}` } };
}

function withRelief(ctx: RegimeContext, stage: Stage, due: Due): Due {
  const r = applyRelief(ctx, stage, due.at);
  const verification = r.verification ? weakerVerification(due.verification, r.verification) : due.verification;
  return { ...due, at: r.at, verification, basis: r.basis ? [...due.basis, r.basis] : due.basis, rule: { ...due.rule, ...r.rule } };
}

function internalDue(ctx: RegimeContext, stage: Stage, anchorAt: Date, v: Verification): Due | null {
  const t = stage.internalTarget;
  if (!t) return null;
  const clock = t.units.months ? 'calendar_months' : t.units.days ? 'calendar_days' : 'calendar_hours';
  const at = addPeriodIn(ctx, anchorAt, t, clock).at;
  const law = stage.text ? `no fixed legal period ("${stage.text}")` : 'no fixed legal period';
  return { at, windowStart: anchorAt, verification: v, basis: [`${law}; internal target ${t.text} from ${formatAnchor(stage.anchor)} (house SLA, not law)`], rule: NO_RULE };
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
