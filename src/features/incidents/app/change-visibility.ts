import { WardenError } from '../../../platform/errors.js';
import type { Incident } from '../domain/incident.js';
import { accessView } from './access-view.js';
import { refuseIfClosed } from '../domain/lifecycle.js';
import { visibilityOf, visibilityRefusal, type Visibility } from '../domain/visibility.js';
import type { Actor, AppDeps } from './deps.js';
import { announcePayloadSchema, enqueueCardRefresh, enqueuePost, JOB_KINDS } from './outbox.js';
import { recordChange, requireIncident } from './record.js';

/**
 * Makes an incident public or private (`/incident visibility <public|private>`). Public to private is refused
 * once the channel exists (see `visibilityRefusal`). Private to public is the commander's or a Warden admin's
 * call (the permission table's `/incident visibility:public`): the incident is listed for everyone and announced with its title; its Slack channel stays private.
 */
export function changeVisibility(deps: AppDeps, actor: Actor, incidentId: string, to: Visibility): Incident {
  const { store } = deps;
  return store.transaction(() => {
    const incident = requireIncident(store, incidentId);
    refuseIfClosed(incident, 'its visibility is final.');
    const refusal = visibilityRefusal(incident, to);
    if (refusal) throw new WardenError('refused_transition', refusal);
    if (to === 'public') deps.access.require('/incident visibility:public', actor.userId, accessView(incident));
    const now = deps.clock.now();
    const from = visibilityOf(incident);
    const channelStaysPrivate = to === 'public' && incident.channelId !== null;
    store.incidents.update(incident.id, { private: to === 'private' });
    recordChange(store, {
      incidentId: incident.id,
      actor: actor.userId,
      at: now,
      kind: 'visibility_changed',
      action: 'incident.visibility_changed',
      text: `Visibility ${from} → ${to}`,
      data: { from, to, channelStaysPrivate },
    });
    if (to === 'public') announceAgain(deps, incident, now, channelStaysPrivate);
    const text = to === 'public'
      ? `:unlock: <@${actor.userId}> made *${incident.id}* public: it is now listed for everyone and announced with its title.${channelStaysPrivate ? ' This channel stays private; invite whoever should join.' : ''}`
      : `:lock: <@${actor.userId}> made *${incident.id}* private: only its members see it.`;
    enqueuePost(store, now, incident.id, { type: 'text', text });
    enqueueCardRefresh(store, now, incident.id);
    deps.events.publish('incident.visibility_changed', { incidentId: incident.id, from, to, by: actor.userId });
    return requireIncident(store, incident.id);
  });
}

/** The old announcement said only that a private incident exists; the new one carries the title and gets the thread. */
function announceAgain(deps: AppDeps, incident: Incident, now: Date, channelPrivate: boolean): void {
  deps.store.incidents.update(incident.id, { announcementChannel: null, announcementTs: null });
  const payload = announcePayloadSchema.parse({ incidentId: incident.id, channelPrivate });
  deps.store.jobs.enqueue({ kind: JOB_KINDS.announce, dueAt: now, payload, idemKey: `announce:${incident.id}:public`, incidentId: incident.id }, now);
}
