import { enqueueHomeRefresh } from '../../incidents/index.js';
import { z } from 'zod';
import { firstPeriod, nextStart, periodFrom, type Period } from '../domain/cadence.js';
import type { Control } from '../domain/control.js';
import { audit, CONTROL_JOB_KINDS, type ControlDeps } from './deps.js';
import { queueDm, startFollowUp } from './follow-up.js';

export const openPayload = z.object({ controlId: z.string(), start: z.string() });

/** Queues the opening of the period starting at `start` (once per control and start, whatever restarts). */
function queueOpening(deps: ControlDeps, controlId: string, start: Date, now: Date): void {
  const payload = { controlId, start: start.toISOString() };
  deps.store.jobs.enqueue({ kind: CONTROL_JOB_KINDS.open, dueAt: start, payload, idemKey: `control-open:${controlId}:${payload.start}` }, now);
}

/**
 * Opens a period: stores it, tells the owner (an unowned control is nagged by nobody), starts its reminders
 * and escalation, and queues the opening of the next one. Nothing when it is open already.
 */
function openPeriod(deps: ControlDeps, control: Control, period: Period, now: Date): void {
  if (!deps.controls.insertPeriod({ controlId: control.id, ...period, planSince: period.start })) return;
  audit(deps, 'warden', now, 'control.period_opened', { id: control.id, start: period.start.toISOString(), due: period.due.toISOString(), owner: control.owner });
  const opened = deps.controls.period(control.id, period.start);
  if (!opened) return;
  queueDm(deps, opened, 'opened', now);
  startFollowUp(deps, opened, now);
  enqueueHomeRefresh(deps.store, now, null, [control.owner]);
  queueOpening(deps, control.id, nextStart(period), now);
}

/**
 * Makes sure the control has its current period and the job that opens the next one: the first period when
 * it has none (the calendar period holding `since`, or `every` from it), else the next opening, queued once.
 */
export function ensurePeriods(deps: ControlDeps, control: Control, now: Date): void {
  const latest = deps.controls.latest(control.id);
  if (!latest) openPeriod(deps, control, firstPeriod(control.every, deps.followUp.calendar.zone, control.since), now);
  else queueOpening(deps, control.id, nextStart(latest), now);
}

/** The opening job: opens the period if it is still the next one of an active control (a retry or a stale job does nothing). */
export function openDuePeriod(deps: ControlDeps, p: z.infer<typeof openPayload>): void {
  deps.store.transaction(() => {
    const control = deps.controls.get(p.controlId);
    const latest = control ? deps.controls.latest(control.id) : null;
    if (!control?.active || !latest || nextStart(latest).toISOString() !== p.start) return;
    openPeriod(deps, control, periodFrom(control.every, deps.followUp.calendar.zone, new Date(p.start)), deps.clock.now());
  });
}
