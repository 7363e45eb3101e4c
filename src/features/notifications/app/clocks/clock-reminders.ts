import { reminderTimes } from '../../domain/deadlines/reminders.js';
import type { StageDeadline } from '../../domain/deadlines/stage-deadline.js';
import { askForMissingBackstops } from './ask-backstop-anchor.js';
import { CLOCK_JOB_KINDS, type ClockDeps } from './clock-deps.js';
import { enqueueBoardRefresh } from './clock-outbox.js';
import { incidentDeadlines, isLive } from './incident-deadlines.js';

/** Payload of a `clocks.reminder` job: which stage, and the due instant it was computed for. */
export interface ReminderPayload extends Record<string, unknown> {
  incidentId: string;
  regimeId: string;
  stageId: string;
  due: string;
}

/**
 * Recomputes every deadline of the incident and replaces its pending reminders with the ones still ahead.
 * Call it inside the transaction that changed an event, a regime, a submission or a decision, so stale
 * reminders are cancelled together with the change. Legal clocks outlive resolution: only a closed
 * incident has none. Also queues a refresh of the board, and asks once for a backstop anchor that is missing. Returns how many reminders are scheduled.
 */
export function rescheduleClockReminders(deps: ClockDeps, incidentId: string, now: Date): number {
  const { store } = deps;
  store.jobs.cancel(incidentId, [CLOCK_JOB_KINDS.reminder], now);
  enqueueBoardRefresh(store, now, incidentId);
  if (store.incidents.get(incidentId)?.status === 'closed') return 0;
  let count = 0;
  const regimes = incidentDeadlines(deps, incidentId, now);
  askForMissingBackstops(deps, incidentId, now, regimes);
  for (const regime of regimes) {
    for (const stage of regime.stages.filter(isLive)) {
      for (const at of stageReminderTimes(deps, stage).filter((t) => t.getTime() > now.getTime())) {
        const payload: ReminderPayload = { incidentId, regimeId: stage.regimeId, stageId: stage.stageId, due: (stage.due as Date).toISOString() };
        store.jobs.enqueue({ kind: CLOCK_JOB_KINDS.reminder, dueAt: at, payload, incidentId }, now);
        count++;
      }
    }
  }
  return count;
}

/** Reminder instants of one running stage, from the configured lead times and after-due cadence. */
export function stageReminderTimes(deps: ClockDeps, stage: StageDeadline): Date[] {
  if (!stage.due) return [];
  // A backstop can make the due instant earlier than the anchor; the window then starts at the due instant.
  const start = stage.anchorAt && stage.anchorAt.getTime() <= stage.due.getTime() ? stage.anchorAt : stage.due;
  return reminderTimes(start, stage.due, deps.clockPolicy.leadTimes, deps.clockPolicy.afterDue);
}
