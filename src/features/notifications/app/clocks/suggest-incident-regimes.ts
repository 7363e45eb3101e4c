import { REGIME_SUGGESTION_RULES, suggestRegimes } from '../../domain/deadlines/suggest-regimes.js';
import type { IncidentFlag } from '../../../incidents/index.js';
import type { ClockDeps } from './clock-deps.js';
import { enqueueClockPost } from './clock-outbox.js';

export interface Suggestion {
  regimeId: string;
  why: string;
}

/** Regimes the flags suggest that can be applied here and are not applied yet. */
export function openSuggestions(deps: ClockDeps, incidentId: string, flags: readonly IncidentFlag[]): Suggestion[] {
  const applied = new Set(deps.clocks.regimes(incidentId).map((r) => r.regimeId));
  return suggestRegimes(flags)
    .filter((id) => !applied.has(id))
    .filter((id) => {
      const entry = deps.catalog.entries.get(id);
      return entry?.enabled === true && entry.regime.status !== 'proposed';
    })
    .map((id) => ({ regimeId: id, why: REGIME_SUGGESTION_RULES.find((r) => r.regimeId === id)?.why ?? '' }));
}

/**
 * Posts a suggestion (with an Apply button; a person confirms) for each regime the flags newly suggest.
 * Runs from the declared and flags-changed hooks, which may run again: each suggestion is queued once per
 * incident and regime, ever. Returns the ids suggested.
 */
export function queueRegimeSuggestions(deps: ClockDeps, incidentId: string, before: readonly IncidentFlag[], after: readonly IncidentFlag[]): string[] {
  const { store } = deps;
  return store.transaction(() => {
    const incident = store.incidents.get(incidentId);
    if (!incident || incident.status === 'closed') return [];
    const already = new Set(suggestRegimes(before));
    const now = deps.clock.now();
    const fresh = openSuggestions(deps, incidentId, after).filter((s) => !already.has(s.regimeId));
    for (const s of fresh) {
      enqueueClockPost(store, now, incidentId, { kind: 'channel' }, { type: 'regime_suggested', regimeId: s.regimeId, why: s.why }, `clocks.suggest:${incidentId}:${s.regimeId}`);
    }
    return fresh.map((s) => s.regimeId);
  });
}
