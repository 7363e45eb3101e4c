import type { Incident } from './incident.js';
import type { IncidentType } from './incident-model.js';

/**
 * Who may see an incident. A public incident is seen by everyone in the workspace; a private one only by its
 * members (declarer, role holders, people in its channel). The list, App Home and digests all ask here.
 */

export const VISIBILITIES = ['public', 'private'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** Whether the person is a member of the incident (the store answers it). */
export type MembershipCheck = (incidentId: string, userId: string) => boolean;

export const visibilityOf = (incident: Pick<Incident, 'private'>): Visibility => (incident.private ? 'private' : 'public');

/** True when `userId` may see the incident at all: everyone a public one, only its members a private one. */
export function visibleTo(incident: Pick<Incident, 'id' | 'private'>, userId: string, isMember: MembershipCheck): boolean {
  return !incident.private || isMember(incident.id, userId);
}

/** A declaration is private when the declarer says so (`--private` / `--public`), else when its type is private by default. */
export function privateAtDeclaration(type: IncidentType, chosen: Visibility | undefined, privateTypes: readonly IncidentType[]): boolean {
  return chosen === undefined ? privateTypes.includes(type) : chosen === 'private';
}

/**
 * Why the incident cannot become `to`, or null when it can (who may do it is the use case's check).
 * Public to private is refused once the channel exists: people outside have seen it, and Slack lets no app
 * make a public channel private.
 */
export function visibilityRefusal(incident: Pick<Incident, 'id' | 'private' | 'channelId'>, to: Visibility): string | null {
  if (visibilityOf(incident) === to) return `${incident.id} is already ${to}.`;
  if (to === 'private' && incident.channelId) {
    return `${incident.id} cannot become private: its public channel already exists, so people outside the response have seen it, and Slack does not let an app make a public channel private. Declare a new incident with \`/incident declare --private ...\` and move the sensitive work there.`;
  }
  return null;
}

/**
 * What of a private incident reaches the announcement thread, which everyone can read: status changes only
 * (they name no title and carry no text). Updates, severity changes and the rest stay in the private channel.
 */
export function announcedInThread(incident: Pick<Incident, 'private'>, messageType: string): boolean {
  return !incident.private || messageType === 'status_changed';
}
