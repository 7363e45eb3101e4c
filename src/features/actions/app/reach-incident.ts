import { WardenError } from '../../../platform/errors.js';
import { accessViewOf, enqueueHomeRefresh, enqueuePost, incidentInChannel, recordChange, visibleTo, type Incident } from '../../incidents/index.js';
import type { ActionItem } from '../domain/action-item.js';
import type { ActionDeps } from './deps.js';

/** Where a request was made, and the incident it names (`INC-...` typed before the rest), if any. */
export interface ActionPlace {
  userId: string;
  channelId: string;
  incidentId: string | null;
}

/**
 * The incident an action verb is about: the one it names, else the one whose channel this is. A private
 * incident the person may not see answers "not found", exactly like one that does not exist.
 * @throws WardenError('not_found' | 'not_in_incident_channel')
 */
export function reachIncident(deps: ActionDeps, place: ActionPlace): { incident: Incident; inChannel: boolean } {
  const { incidents } = deps.store;
  if (place.incidentId === null) return { incident: incidentInChannel(deps.store, place.channelId, 'action'), inChannel: true };
  const incident = incidents.get(place.incidentId);
  if (!incident || !visibleTo(incident, place.userId, (id, user) => incidents.isMember(id, user))) throw new WardenError('not_found', `No incident ${place.incidentId}.`);
  return { incident, inChannel: incident.channelId === place.channelId };
}

/** @throws WardenError('not_found') naming where the ids are listed. */
export function requireItem(deps: ActionDeps, incident: Incident, id: string): ActionItem {
  const item = deps.actions.get(incident.id, id);
  if (!item) throw new WardenError('not_found', `${incident.id} has no action item ${id}. \`/incident action list ${incident.id}\` shows its items.`);
  return item;
}

/** @throws WardenError('conflict') for an item already done. */
export function requireOpen(item: ActionItem): void {
  if (item.status === 'done') throw new WardenError('conflict', `${item.id} of ${item.incidentId} is already done; nothing was changed.`);
}

/** The owner changes their own item; anyone else needs the incident's commander or a Warden admin. @throws AccessDenied */
export function requireChangeRight(deps: ActionDeps, userId: string, incident: Incident, item: ActionItem): void {
  if (userId !== item.owner) deps.access.require('/incident action:others', userId, accessViewOf(incident));
}

/** A short line in the incident's channel, when it has one (user text already escaped by the caller). */
export function tellChannel(deps: ActionDeps, incident: Incident, now: Date, text: string): void {
  if (incident.channelId) enqueuePost(deps.store, now, incident.id, { type: 'text', text });
}

export function refreshHomes(deps: ActionDeps, incident: Incident, now: Date, people: readonly string[]): void {
  enqueueHomeRefresh(deps.store, now, incident.id, people);
}

/** What a change to an open item sees: the incident, the item as stored, and the time of the change. */
export interface OpenItemChange {
  incident: Incident;
  item: ActionItem;
  now: Date;
}

/**
 * Runs `fn` in one transaction on an open item the person may change (its owner, else the commander or an
 * admin), then writes the timeline and audit entries `fn` returns.
 */
export function changeOpenItem<T>(deps: ActionDeps, place: ActionPlace, id: string, fn: (c: OpenItemChange) => { result: T; record: { action: string; text: string; data: Record<string, unknown> } }): T {
  return deps.store.transaction(() => {
    const { incident } = reachIncident(deps, place);
    const item = requireItem(deps, incident, id);
    requireOpen(item);
    requireChangeRight(deps, place.userId, incident, item);
    const now = deps.clock.now();
    const { result, record } = fn({ incident, item, now });
    recordChange(deps.store, { incidentId: incident.id, actor: place.userId, at: now, kind: 'action_item', ...record });
    return result;
  });
}
