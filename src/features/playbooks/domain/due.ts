import type { ClockEvent } from '../../incidents/index.js';
import type { PlaybookStep } from './model.js';

/** The times a step's due rule can count from. */
export interface DueContext {
  readonly declaredAt: Date;
  /** When each done step was ticked off, by step id. */
  readonly stepDoneAt: Readonly<Record<string, Date>>;
  /** Legal clock events the comms lead has recorded. */
  readonly clockEvents: Readonly<Partial<Record<ClockEvent, Date>>>;
}

/**
 * When a step is due: its anchor's time plus `after` (elapsed time, so a 72h clock is 72 real hours across
 * a DST change). Null when the step has no due rule, or its anchor (a step, a clock event) has not happened yet.
 */
export function stepDueAt(step: Pick<PlaybookStep, 'due'>, ctx: DueContext): Date | null {
  if (!step.due) return null;
  const { from, afterMs } = step.due;
  const anchor =
    from.kind === 'declared' ? ctx.declaredAt : from.kind === 'step' ? ctx.stepDoneAt[from.stepId] : ctx.clockEvents[from.event];
  return anchor ? new Date(anchor.getTime() + afterMs) : null;
}
