import { z } from 'zod';
import type { Incident } from '../domain/incident.js';
import { nextUpdateReminder, type PlannedReminder } from '../domain/update-reminders.js';
import type { AppDeps } from './deps.js';
import { JOB_KINDS } from './outbox.js';

/** An update reminder job: which incident, and which reminder since the last update (jobs queued before the cap: the first). */
export const updateReminderPayload = z.object({ incidentId: z.string(), number: z.number().int().min(1).default(1) });

/** (Re)schedules the commander's update reminders from `from` (an update, the declaration ...): the count starts again. */
export function scheduleUpdateReminder(deps: AppDeps, incident: Pick<Incident, 'id' | 'severity'>, from: Date): void {
  deps.store.jobs.cancel(incident.id, [JOB_KINDS.updateReminder], deps.clock.now());
  enqueueNextReminder(deps, incident, from, 0);
}

/**
 * Queues the reminder after `sent` of them without touching the pending one (the reminder job running now);
 * none once the cap is reached. Returns what it planned.
 */
export function enqueueNextReminder(deps: AppDeps, incident: Pick<Incident, 'id' | 'severity'>, from: Date, sent: number): PlannedReminder | null {
  const next = nextUpdateReminder(from, sent, deps.policy.updateReminders(incident.severity));
  if (!next) return null;
  const now = deps.clock.now();
  deps.store.jobs.enqueue({ kind: JOB_KINDS.updateReminder, dueAt: next.at, payload: { incidentId: incident.id, number: next.number }, incidentId: incident.id }, now);
  return next;
}

export function cancelResponseJobs(deps: AppDeps, incidentId: string): number {
  return deps.store.jobs.cancel(incidentId, deps.responseBoundKinds, deps.clock.now());
}
