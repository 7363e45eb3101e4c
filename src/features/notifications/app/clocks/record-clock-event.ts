import { formatUtc } from '../../domain/deadlines/format-instant.js';
import { WardenError } from '../../../../platform/errors.js';
import type { ClockEvent } from '../../../incidents/index.js';
import type { ClockEventRecord } from '../../domain/records.js';
import type { Actor } from '../../../incidents/index.js';
import { recordChange, requireIncident } from '../../../incidents/index.js';
import type { ClockDeps } from './clock-deps.js';
import { rescheduleClockReminders } from './clock-reminders.js';
import { refuseIfClosed } from '../../../incidents/index.js';

/** Clock times may run this far ahead of Warden's clock (a phone a little fast), not more. */
export const FUTURE_TOLERANCE_MS = 60_000;

export interface RecordedEvent {
  record: ClockEventRecord;
  /** The value it replaced, for a correction. */
  previous: Date | null;
  /** False when the event was already recorded at exactly that instant. */
  changed: boolean;
}

/**
 * Records when a legal clock event happened (`became_aware` ...), with who recorded it and when. Recording
 * it again is a correction: the old value stays in the timeline and the audit (`from`/`to`). Deadlines and
 * reminders are recomputed in the same transaction.
 * @throws WardenError('bad_input') for a time in the future; ('refused_transition') on a closed incident.
 */
export function recordClockEvent(deps: ClockDeps, actor: Actor, incidentId: string, event: ClockEvent, at: Date): RecordedEvent {
  const { store } = deps;
  return store.transaction(() => {
    const incident = requireIncident(store, incidentId);
    refuseIfClosed(incident, 'its clocks can no longer change.');
    const now = deps.clock.now();
    if (Number.isNaN(at.getTime())) throw new WardenError('bad_input', 'That time is not a valid instant.');
    if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
      throw new WardenError('bad_input', `${formatUtc(at)} is in the future (it is now ${formatUtc(now)}). Record an event once it has happened.`);
    }
    const previous = deps.clocks.event(incident.id, event);
    const record: ClockEventRecord = { event, at, recordedBy: actor.userId, recordedAt: now };
    if (previous && previous.at.getTime() === at.getTime()) return { record: previous, previous: previous.at, changed: false };
    deps.clocks.setEvent(incident.id, record);
    recordChange(store, {
      incidentId: incident.id,
      actor: actor.userId,
      at: now,
      kind: 'clock_event',
      action: previous ? 'clock.event_corrected' : 'clock.event_recorded',
      text: previous ? `Clock ${event} corrected from ${formatUtc(previous.at)} to ${formatUtc(at)}` : `Clock ${event} at ${formatUtc(at)}`,
      data: { event, from: previous ? previous.at.toISOString() : null, to: at.toISOString() },
    });
    rescheduleClockReminders(deps, incident.id, now);
    for (const kind of deps.clockPolicy.eventJobKinds) store.jobs.enqueue({ kind, dueAt: now, payload: { incidentId: incident.id }, incidentId: incident.id }, now);
    return { record, previous: previous?.at ?? null, changed: true };
  });
}
