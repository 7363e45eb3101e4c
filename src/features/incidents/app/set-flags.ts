import { WardenError } from '../../../platform/errors.js';
import type { Incident } from '../domain/incident.js';
import { INCIDENT_FLAGS, type IncidentFlag } from '../domain/incident-model.js';
import type { Actor, AppDeps } from './deps.js';
import { enqueueCardRefresh } from './outbox.js';
import { recordChange, requireIncident } from './record.js';
import { refuseIfClosed } from '../domain/lifecycle.js';

/**
 * Turns incident flags on or off (`/incident flag personal_data on`). Stores the new set, writes the
 * timeline and audit entries, refreshes the card and queues the flags-changed job that every module
 * listens to (playbook steps appear or leave, legal clocks are suggested), all in one transaction.
 */
export function setFlags(deps: AppDeps, actor: Actor, incidentId: string, changes: Partial<Record<IncidentFlag, boolean>>): Incident {
  const { store } = deps;
  return store.transaction(() => {
    const incident = requireIncident(store, incidentId);
    refuseIfClosed(incident, 'its flags are final.');
    const before = incident.flags;
    // Canonical order, so the same set always reads the same in the timeline and the card.
    const after = INCIDENT_FLAGS.filter((f) => changes[f] ?? before.includes(f));
    const turnedOn = after.filter((f) => !before.includes(f));
    const turnedOff = before.filter((f) => !after.includes(f));
    if (turnedOn.length === 0 && turnedOff.length === 0) {
      const [flag, on] = Object.entries(changes)[0] ?? ['', false];
      throw new WardenError('bad_input', `Flag \`${flag}\` is already ${on ? 'on' : 'off'} for ${incident.id}.`);
    }
    const now = deps.clock.now();
    store.incidents.update(incident.id, { flags: after });
    const words = [...turnedOn.map((f) => `${f} on`), ...turnedOff.map((f) => `${f} off`)];
    recordChange(store, {
      incidentId: incident.id,
      actor: actor.userId,
      at: now,
      kind: 'flag_changed',
      action: 'incident.flags_changed',
      text: `Flags: ${words.join(', ')}`,
      data: { before, after },
    });
    deps.events.publish('incident.flags_changed', { incidentId: incident.id, before, after, by: actor.userId });
    enqueueCardRefresh(store, now, incident.id);
    return requireIncident(store, incident.id);
  });
}
