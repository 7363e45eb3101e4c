import { WardenError } from '../../../../platform/errors.js';
import type { Actor } from '../../../incidents/index.js';
import { accessViewOf, recordChange, refuseIfClosed, requireIncident } from '../../../incidents/index.js';
import type { Entity } from '../../domain/deadlines/entity.js';
import type { ClockDeps } from './clock-deps.js';
import { enqueueBoardRefresh } from './clock-outbox.js';
import { rescheduleClockReminders } from './clock-reminders.js';
import { incidentEntity } from './incident-deadlines.js';

/**
 * Puts an incident's deadlines under one of company.entities: its type, Member State and zone decide weekend
 * relief and calendars, so the choice can move a legal due time and is an approver's act (four eyes against a
 * later deadline chosen to suit). Audited; the board and reminders follow in the same transaction.
 * @throws WardenError for a name not configured, the entity already in use, or a closed incident.
 */
export function chooseEntity(deps: ClockDeps, actor: Actor, incidentId: string, name: string): { entity: Entity; previous: Entity | null } {
  const { store } = deps;
  return store.transaction(() => {
    const incident = requireIncident(store, incidentId);
    refuseIfClosed(incident, 'its entity can no longer change.');
    deps.access.require('/incident entity:set', actor.userId, accessViewOf(incident));
    const entity = configuredEntity(deps, name);
    const current = incidentEntity(deps, incident.id);
    if (current.chosen && current.entity?.name === entity.name) throw new WardenError('conflict', `${incident.id}'s deadlines are already computed for ${entity.name}.`);
    const now = deps.clock.now();
    deps.clocks.chooseEntity(incident.id, entity.name, actor.userId, now);
    recordChange(store, {
      incidentId: incident.id,
      actor: actor.userId,
      at: now,
      kind: 'clock_event',
      action: 'clock.entity_chosen',
      text: `Deadlines now computed for ${entity.name} (${entity.type}, ${entity.country}, ${entity.zone})${current.entity ? `, was ${current.entity.name}` : ''}`,
      data: { entity: entity.name, type: entity.type, country: entity.country, zone: entity.zone, previous: current.entity?.name ?? null },
    });
    enqueueBoardRefresh(store, now, incident.id);
    rescheduleClockReminders(deps, incident.id, now);
    return { entity, previous: current.entity };
  });
}

function configuredEntity(deps: ClockDeps, name: string): Entity {
  const all = deps.catalog.entities ?? [];
  const entity = all.find((e) => e.name.toLowerCase() === name.toLowerCase());
  if (entity) return entity;
  const known = all.length > 0 ? `Configured: ${all.map((e) => e.name).join(', ')}.` : 'No entity is configured: add `company.entities` to warden.yaml (docs/entities.md).';
  throw new WardenError('bad_input', `No entity named ${JSON.stringify(name.slice(0, 80))}. ${known}`);
}
