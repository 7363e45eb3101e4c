import { enqueueHomeRefresh } from '../../incidents/index.js';
import { WardenError } from '../../../platform/errors.js';
import type { DomainEvents } from '../../../platform/events.js';
import { requireIncident } from '../../incidents/index.js';
import { isLate } from '../domain/cadence.js';
import { evidenceRefusal, type Control, type ControlPeriod } from '../domain/control.js';
import { audit, type ControlDeps } from './deps.js';
import { requireControl } from './change-control.js';

export interface Completion {
  control: Control;
  period: ControlPeriod;
  /** Open periods still left (a missed one was closed first, the current one is still to do). */
  stillOpen: number;
}

/** Closes the control's oldest open period: who, when, the evidence, late when after its due time. The next period follows the period. */
function closeOldest(deps: ControlDeps, control: Control, by: string, evidence: string, now: Date): Completion {
  const open = deps.controls.oldestOpen(control.id);
  if (!open) throw new WardenError('bad_input', `*${control.name}* has no open period: the next one opens on its cadence.`);
  const late = isLate(open, now);
  deps.controls.updatePeriod(control.id, open.start, { status: 'done', doneBy: by, doneAt: now, evidence, late });
  audit(deps, by, now, 'control.done', { id: control.id, start: open.start.toISOString(), due: open.due.toISOString(), evidence, late });
  enqueueHomeRefresh(deps.store, now, null, [control.owner]);
  return { control, period: deps.controls.period(control.id, open.start) as ControlPeriod, stillOpen: deps.controls.openOf(control.id).length };
}

/**
 * `/access-review done <id> <evidence>`: closes the oldest open period (a missed one first, recorded late).
 * Its owner may; anyone else needs `access-review:others` (a manager). Pending reminders find it done.
 * @throws WardenError for an unknown control, no open period or missing evidence; AccessDenied for someone else's.
 */
export function completeControl(deps: ControlDeps, userId: string, id: string, evidence: string): Completion {
  return deps.store.transaction(() => {
    const control = requireControl(deps, id);
    if (control.owner !== userId) deps.access.require('access-review:others', userId);
    const problem = evidenceRefusal(evidence);
    if (problem) throw new WardenError('bad_input', `${problem} Usage: \`/access-review done ${control.id} <evidence>\``);
    return closeOldest(deps, control, userId, evidence.trim(), deps.clock.now());
  });
}

/** A drill closed: every tabletop control's open period is done, with the drill's id as the evidence (inside the close's transaction). */
export function onDrillClosed(deps: ControlDeps, e: DomainEvents['incident.status_changed']): void {
  if (e.to !== 'closed' || !requireIncident(deps.store, e.incidentId).drill) return;
  const now = deps.clock.now();
  for (const control of deps.controls.all()) {
    if (control.active && control.kind === 'tabletop' && deps.controls.oldestOpen(control.id)) closeOldest(deps, control, e.by, e.incidentId, now);
  }
}
