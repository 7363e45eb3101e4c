import { WardenError } from '../../../../platform/errors.js';
import type { Actor } from '../../../incidents/index.js';
import { accessViewOf, recordChange, requireIncident } from '../../../incidents/index.js';
import { requireApplicable, type CatalogEntry } from './clock-catalog.js';
import { CLOCK_JOB_KINDS, type ClockDeps } from './clock-deps.js';
import { enqueueClockPost } from './clock-outbox.js';
import { rescheduleClockReminders } from './clock-reminders.js';
import { refuseIfClosed } from '../../../incidents/index.js';

/** The message that suggested the regime, when a person applied it with its button. */
export interface SuggestionMessage {
  channelId: string;
  ts: string;
}

/**
 * Puts an incident under a regime or a customer contract: audited, announced in the channel, deadlines and
 * reminders computed in the same transaction.
 * @throws WardenError for an unknown, proposed or disabled regime, one already applied, or a closed incident.
 */
export function applyRegime(deps: ClockDeps, actor: Actor, incidentId: string, regimeId: string, suggestion?: SuggestionMessage): CatalogEntry {
  const entry = requireApplicable(deps.catalog, regimeId);
  const { store } = deps;
  return store.transaction(() => {
    const incident = requireIncident(store, incidentId);
    refuseIfClosed(incident, 'its regimes can no longer change.');
    const now = deps.clock.now();
    if (!deps.clocks.applyRegime(incident.id, regimeId, actor.userId, now)) {
      throw new WardenError('conflict', `${entry.regime.name} is already applied to ${incident.id}.`);
    }
    recordChange(store, {
      incidentId: incident.id,
      actor: actor.userId,
      at: now,
      kind: 'clock_event',
      action: 'clock.regime_applied',
      text: `Regime applied: ${entry.regime.name} [${regimeId}]${suggestion ? ' (confirmed from a suggestion)' : ''}`,
      data: { regimeId, kind: entry.kind, viaSuggestion: Boolean(suggestion) },
    });
    enqueueClockPost(store, now, incident.id, { kind: 'channel' }, { type: 'regime_applied', regimeId, by: actor.userId, viaSuggestion: Boolean(suggestion) });
    if (suggestion) {
      store.jobs.enqueue({ kind: CLOCK_JOB_KINDS.suggestionDone, dueAt: now, payload: { ...suggestion, regimeId, by: actor.userId }, incidentId: incident.id }, now);
    }
    rescheduleClockReminders(deps, incident.id, now);
    return entry;
  });
}

/** Takes a regime off an incident (its submissions and decisions stay on record); an approver's act. */
export function removeRegime(deps: ClockDeps, actor: Actor, incidentId: string, regimeId: string): void {
  const { store } = deps;
  store.transaction(() => {
    const incident = requireIncident(store, incidentId);
    refuseIfClosed(incident, 'its regimes can no longer change.');
    deps.access.require('/incident regime:remove', actor.userId, accessViewOf(incident));
    const now = deps.clock.now();
    const applied = deps.clocks.regimes(incident.id).map((r) => r.regimeId);
    if (!deps.clocks.removeRegime(incident.id, regimeId)) {
      const list = applied.length > 0 ? `Applied: ${applied.join(', ')}.` : 'No regime is applied.';
      throw new WardenError('bad_input', `That regime is not applied to ${incident.id}. ${list}`);
    }
    const name = deps.catalog.entries.get(regimeId)?.regime.name ?? regimeId;
    recordChange(store, {
      incidentId: incident.id,
      actor: actor.userId,
      at: now,
      kind: 'clock_event',
      action: 'clock.regime_removed',
      text: `Regime removed: ${name} [${regimeId}]`,
      data: { regimeId },
    });
    enqueueClockPost(store, now, incident.id, { kind: 'channel' }, { type: 'regime_removed', regimeId, by: actor.userId });
    rescheduleClockReminders(deps, incident.id, now);
  });
}
