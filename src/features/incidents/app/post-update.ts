import { WardenError } from '../../../platform/errors.js';
import type { Incident } from '../domain/incident.js';
import { isActive } from '../domain/lifecycle.js';
import type { Actor, AppDeps } from './deps.js';
import { enqueueCardRefresh, enqueuePost } from './outbox.js';
import { recordChange, requireIncident } from './record.js';
import { scheduleUpdateReminder } from './reminders.js';
import { refuseIfClosed } from '../domain/lifecycle.js';

export const MAX_UPDATE = 2_500;

/** A structured status update: posted in the channel and the announcement thread; restarts the update cadence. */
export function postUpdate(deps: AppDeps, actor: Actor, incidentId: string, text: string): Incident {
  const body = assertText(text, 'update', 'Customers see elevated errors; rollback in progress.');
  const { store } = deps;
  return store.transaction(() => {
    const incident = requireIncident(store, incidentId);
    refuseIfClosed(incident);
    const now = deps.clock.now();
    store.incidents.update(incident.id, { lastUpdateAt: now });
    recordChange(store, { incidentId: incident.id, actor: actor.userId, at: now, kind: 'update', action: 'incident.update_posted', text: body });
    if (isActive(incident.status)) scheduleUpdateReminder(deps, incident, now);
    enqueuePost(store, now, incident.id, { type: 'update', text: body, by: actor.userId, status: incident.status, severity: incident.severity }, true);
    enqueueCardRefresh(store, now, incident.id);
    return requireIncident(store, incident.id);
  });
}

/** A note for the timeline only (not announced). A closed incident is final: no more notes. */
export function addNote(deps: AppDeps, actor: Actor, incidentId: string, text: string): void {
  const body = assertText(text, 'note', 'Rolled back deploy 4812 at 14:05.');
  const { store } = deps;
  store.transaction(() => {
    const incident = requireIncident(store, incidentId);
    refuseIfClosed(incident);
    const now = deps.clock.now();
    recordChange(store, { incidentId: incident.id, actor: actor.userId, at: now, kind: 'note', action: 'incident.note_added', text: body });
    enqueuePost(store, now, incident.id, { type: 'note', text: body, by: actor.userId });
  });
}

/**
 * A Slack message pinned (or reacted with :pushpin:) in the incident channel goes to the timeline,
 * stamped with the message's own time. The same message is recorded once, however often it is pinned.
 */
export function recordPinnedMessage(
  deps: AppDeps,
  actor: Actor,
  incidentId: string,
  message: { ts: string; author: string; text: string },
): boolean {
  const at = new Date(Math.round(Number(message.ts) * 1000));
  const { store } = deps;
  // A closed incident's timeline is final, like every other verb treats it.
  if (store.incidents.get(incidentId)?.status === 'closed') return false;
  return store.transaction(() =>
    recordChange(store, {
      incidentId,
      actor: actor.userId,
      at,
      kind: 'pinned',
      action: 'incident.message_pinned',
      text: message.text.slice(0, MAX_UPDATE),
      data: { author: message.author, ts: message.ts },
      sourceKey: message.ts,
    }),
  );
}

function assertText(text: string, verb: string, example: string): string {
  const body = text.trim();
  if (!body) throw new WardenError('bad_input', `\`/incident ${verb}\` needs text, e.g. \`/incident ${verb} ${example}\``);
  if (body.length > MAX_UPDATE) throw new WardenError('bad_input', `That ${verb} is ${body.length} characters; keep it under ${MAX_UPDATE}.`);
  return body;
}
