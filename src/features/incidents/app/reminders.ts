import type { Incident } from '../domain/incident.js';
import type { AppDeps } from './deps.js';
import { JOB_KINDS } from './outbox.js';

/** (Re)schedules the commander's next update reminder, one severity cadence after `from`. */
export function scheduleUpdateReminder(deps: AppDeps, incident: Pick<Incident, 'id' | 'severity'>, from: Date): void {
  deps.store.jobs.cancel(incident.id, [JOB_KINDS.updateReminder], deps.clock.now());
  enqueueNextReminder(deps, incident, from);
}

/** Queues the next update reminder without touching the pending one (the reminder job running now). */
export function enqueueNextReminder(deps: AppDeps, incident: Pick<Incident, 'id' | 'severity'>, from: Date): void {
  const now = deps.clock.now();
  deps.store.jobs.enqueue(
    { kind: JOB_KINDS.updateReminder, dueAt: new Date(from.getTime() + deps.policy.updateEveryMs(incident.severity)), payload: { incidentId: incident.id }, incidentId: incident.id },
    now,
  );
}

export function cancelResponseJobs(deps: AppDeps, incidentId: string): number {
  return deps.store.jobs.cancel(incidentId, deps.responseBoundKinds, deps.clock.now());
}
