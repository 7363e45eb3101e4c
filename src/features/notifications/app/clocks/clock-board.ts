import type { ClockEventRecord, StageSubmission } from '../../domain/records.js';
import type { ClockDeps } from './clock-deps.js';
import { enqueueBoardRefresh } from './clock-outbox.js';
import { incidentDeadlines, type RegimeDeadlines } from './incident-deadlines.js';

/** Everything the deadline board shows, computed at `now`. */
export interface ClockBoard {
  incidentId: string;
  now: Date;
  events: ClockEventRecord[];
  regimes: RegimeDeadlines[];
  submissions: StageSubmission[];
}

export function clockBoardOf(deps: ClockDeps, incidentId: string, now: Date): ClockBoard {
  return {
    incidentId,
    now,
    events: deps.clocks.events(incidentId),
    regimes: incidentDeadlines(deps, incidentId, now),
    submissions: deps.clocks.submissions(incidentId),
  };
}

/** Asks for the board to be posted (and pinned) or updated in place, e.g. when someone looks at it. */
export function requestBoardRefresh(deps: ClockDeps, incidentId: string): void {
  deps.store.transaction(() => enqueueBoardRefresh(deps.store, deps.clock.now(), incidentId));
}
