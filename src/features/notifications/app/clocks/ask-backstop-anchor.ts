import { formatAnchor } from '../../domain/deadlines/regime.js';
import { commanderOf } from '../../../incidents/index.js';
import type { ClockDeps } from './clock-deps.js';
import { enqueueClockPost } from './clock-outbox.js';
import { isLive, type RegimeDeadlines } from './incident-deadlines.js';

/**
 * A running stage whose backstop anchor is not recorded (DORA: classified as major, awareness not recorded)
 * may be due earlier than shown. The comms lead (else the commander) is asked once, by DM, to record it.
 */
export function askForMissingBackstops(deps: ClockDeps, incidentId: string, now: Date, regimes: readonly RegimeDeadlines[]): void {
  const incident = deps.store.incidents.get(incidentId);
  if (!incident) return;
  for (const r of regimes) {
    for (const s of r.stages.filter((x) => isLive(x) && x.backstopDue === null)) {
      const backstop = r.entry.regime.stages.find((x) => x.id === s.stageId)?.notLaterThan;
      if (!backstop) continue;
      const commsLead = incident.roles.comms ?? commanderOf(incident);
      const message = { type: 'backstop_unknown' as const, regimeId: s.regimeId, stageId: s.stageId, missing: formatAnchor(backstop.anchor), offset: backstop.offset.text, commsLead };
      enqueueClockPost(deps.store, now, incidentId, { kind: 'dm', userId: commsLead }, message, `clocks.backstop_unknown:${incidentId}:${s.regimeId}:${s.stageId}`);
    }
  }
}
