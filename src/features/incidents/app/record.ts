import type { TimelineKind } from '../domain/incident.js';
import { WardenError } from '../../../platform/errors.js';
import { TIMELINE_ENTRY } from '../../audit/index.js';
import type { IncidentStore } from './ports.js';

export interface ChangeRecord {
  incidentId: string;
  actor: string;
  at: Date;
  kind: TimelineKind;
  /** The timeline line, as a person would read it. */
  text: string;
  /** The audit action, e.g. `incident.status_changed`. */
  action: string;
  data?: Record<string, unknown>;
  sourceKey?: string;
}

/**
 * Writes the timeline entry and the audit entry of one change (which carries the entry's hash). Call it inside the transaction that makes
 * the change, so the three are stored together or not at all. Returns false for an already-recorded source.
 */
export function recordChange(store: IncidentStore, c: ChangeRecord): boolean {
  const added = store.timeline.add({
    incidentId: c.incidentId,
    at: c.at,
    kind: c.kind,
    actor: c.actor,
    text: c.text,
    data: c.data ?? {},
    ...(c.sourceKey ? { sourceKey: c.sourceKey } : {}),
  });
  if (!added) return false;
  // The row's hash in its audit entry: an edited or deleted timeline row is located by `warden audit verify`.
  const details = { text: c.text, ...c.data, [TIMELINE_ENTRY]: added };
  store.audit.append({ at: c.at.toISOString(), actor: c.actor, action: c.action, incidentId: c.incidentId, details });
  return true;
}

export function requireIncident(store: IncidentStore, id: string) {
  const incident = store.incidents.get(id);
  if (!incident) throw new WardenError('not_found', `No incident ${id}.`);
  return incident;
}

/** The incident whose channel this is, or a clear error saying the verb only works there. */
export function incidentInChannel(store: IncidentStore, channelId: string, verb: string) {
  const incident = store.incidents.byChannel(channelId);
  if (!incident) {
    throw new WardenError(
      'not_in_incident_channel',
      `\`/incident ${verb}\` works inside an incident channel. Use \`/incident list\` to find one, or \`/incident declare\` to start one.`,
    );
  }
  return incident;
}
