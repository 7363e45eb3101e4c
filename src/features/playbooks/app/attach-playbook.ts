import { WardenError } from '../../../platform/errors.js';
import type { Incident } from '../../incidents/index.js';
import type { Playbook } from '../domain/model.js';
import { selectPlaybook } from '../domain/select.js';
import type { Actor } from '../../incidents/index.js';
import { recordChange, requireIncident } from '../../incidents/index.js';
import type { PlaybookDeps } from './deps.js';
import { assertNotClosed, enqueueNotice, enqueueSync, findPlaybook } from './running.js';
import { scheduleNags } from './schedule-nags.js';

/**
 * Attaches the playbook that fits the incident (type, severity, flags) if none runs yet: stores it, writes
 * the timeline and audit entries, and queues the checklist post and the nags, in one transaction.
 * Idempotent: an incident that already has a playbook, or that no playbook fits, is left alone.
 * With `announce`, the channel is told (when flags made a playbook apply after the declaration).
 */
export function attachFittingPlaybook(deps: PlaybookDeps, incidentId: string, by = 'warden', announce = false): Playbook | null {
  const { store } = deps;
  return store.transaction(() => {
    const incident = requireIncident(store, incidentId);
    if (incident.status === 'closed' || deps.playbooks.attachment(incident.id)) return null;
    const playbook = selectPlaybook(deps.catalog, incident);
    if (!playbook) return null;
    const now = deps.clock.now();
    if (announce) enqueueNotice(deps, { type: 'attached', incidentId: incident.id, playbookId: playbook.id, by }, now);
    attach(deps, incident, playbook, by, now, `Playbook ${playbook.name} attached (${playbook.id})`, 'playbook.attached');
    return playbook;
  });
}

/**
 * `/incident playbook <id>`: runs another playbook (or a first one) for the incident. Announced once in the
 * channel; the old checklist messages are retired by the sync job. Progress on each playbook is kept, so
 * switching back finds its ticks again.
 */
export function switchPlaybook(deps: PlaybookDeps, actor: Actor, incidentId: string, playbookId: string): { playbook: Playbook; previous: Playbook | null } {
  const wanted = findPlaybook(deps, playbookId.trim().toLowerCase());
  if (!wanted) {
    const ids = deps.catalog.map((p) => `\`${p.id}\``).join(', ');
    throw new WardenError('bad_input', `No playbook \`${playbookId.slice(0, 60)}\`. Available: ${ids || 'none loaded'}.`);
  }
  const { store } = deps;
  return store.transaction(() => {
    const incident = requireIncident(store, incidentId);
    assertNotClosed(incident);
    const current = deps.playbooks.attachment(incident.id);
    if (current?.playbookId === wanted.id) throw new WardenError('bad_input', `${incident.id} already runs playbook *${wanted.name}*.`);
    const previous = current ? findPlaybook(deps, current.playbookId) : null;
    const now = deps.clock.now();
    const notice = previous
      ? { type: 'switched' as const, incidentId: incident.id, playbookId: wanted.id, previousId: previous.id, by: actor.userId }
      : { type: 'attached' as const, incidentId: incident.id, playbookId: wanted.id, by: actor.userId };
    enqueueNotice(deps, notice, now); // queued first, so the announcement comes before the new checklist
    const text = previous ? `Playbook switched from ${previous.name} to ${wanted.name}` : `Playbook ${wanted.name} attached (${wanted.id})`;
    attach(deps, incident, wanted, actor.userId, now, text, previous ? 'playbook.switched' : 'playbook.attached', current?.playbookId ?? null);
    return { playbook: wanted, previous };
  });
}

function attach(deps: PlaybookDeps, incident: Incident, playbook: Playbook, by: string, now: Date, text: string, action: string, previous: string | null = null): void {
  deps.playbooks.attach(incident.id, playbook.id, by, now, incident.flags);
  recordChange(deps.store, {
    incidentId: incident.id,
    actor: by,
    at: now,
    kind: 'playbook',
    action,
    text,
    data: { playbookId: playbook.id, previous },
  });
  enqueueSync(deps, incident.id, now);
  scheduleNags(deps, incident.id, now);
}
