import { commanderOf } from '../../../incidents/index.js';
import type { Job } from '../../../../platform/jobs/job-repo.js';
import { CLOCK_JOB_KINDS, type ClockDeps } from './clock-deps.js';
import { enqueueBoardRefresh, enqueueClockPost } from './clock-outbox.js';
import type { ReminderPayload } from './clock-reminders.js';
import { incidentDeadlines, isLive } from './incident-deadlines.js';

export type ReminderOutcome = 'sent' | 'escalated' | 'skipped';

/**
 * One reminder instant of a stage fell due. Before the due instant the comms lead (else the commander) gets
 * a DM; past it, the managers' channel hears too. Nothing is sent for a stage that was submitted, decided not
 * notifiable or recomputed since, for a closed incident, or when a later reminder of the same stage is also
 * due already (after downtime, one reminder speaks for the missed ones). Deliveries are queued, one per call.
 */
export function remindDeadline(deps: ClockDeps, job: Pick<Job, 'id' | 'payload' | 'dueAt'>): ReminderOutcome {
  const p = job.payload as ReminderPayload;
  const { store } = deps;
  return store.transaction(() => {
    const now = deps.clock.now();
    const incident = store.incidents.get(p.incidentId);
    if (!incident || incident.status === 'closed') return 'skipped';
    const stage = incidentDeadlines(deps, incident.id, now)
      .find((r) => r.entry.regime.id === p.regimeId)
      ?.stages.find((s) => s.stageId === p.stageId);
    if (!stage || !isLive(stage) || stage.due?.toISOString() !== p.due) return 'skipped';
    if (laterReminderDue(deps, job, now)) return 'skipped';
    const commsLead = incident.roles.comms ?? commanderOf(incident);
    const timeLeftMs = (stage.due as Date).getTime() - now.getTime();
    const facts = { regimeId: p.regimeId, stageId: p.stageId, due: p.due, timeLeftMs, commsLead, dueKind: stage.dueKind, zone: stage.zone };
    enqueueClockPost(store, now, incident.id, { kind: 'dm', userId: commsLead }, { type: 'deadline_reminder', ...facts });
    enqueueBoardRefresh(store, now, incident.id);
    const managers = deps.clockPolicy.managersChannel;
    if (timeLeftMs >= 0 || !managers) return 'sent';
    enqueueClockPost(store, now, incident.id, { kind: 'managers', channel: managers }, { type: 'deadline_overdue', ...facts });
    return 'escalated';
  });
}

function laterReminderDue(deps: ClockDeps, job: Pick<Job, 'id' | 'payload' | 'dueAt'>, now: Date): boolean {
  const p = job.payload as ReminderPayload;
  return deps.store.jobs
    .pendingFor(p.incidentId)
    .some(
      (j) =>
        j.kind === CLOCK_JOB_KINDS.reminder &&
        j.id !== job.id &&
        j.payload.regimeId === p.regimeId &&
        j.payload.stageId === p.stageId &&
        j.dueAt.getTime() > job.dueAt.getTime() &&
        j.dueAt.getTime() <= now.getTime(),
    );
}
