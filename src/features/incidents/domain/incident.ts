import type { IncidentFlag, IncidentRole, IncidentStatus, IncidentType, Severity } from './incident-model.js';

/** An incident as the use cases see it: plain data, times as Date (UTC instants). */
export interface Incident {
  id: string;
  title: string;
  description: string;
  type: IncidentType;
  severity: Severity;
  status: IncidentStatus;
  drill: boolean;
  /** Shown only to its members: a private channel named by number, an announcement without the title. */
  private: boolean;
  flags: IncidentFlag[];
  declaredBy: string;
  declaredAt: Date;
  detectedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  channelId: string | null;
  channelName: string | null;
  cardTs: string | null;
  announcementChannel: string | null;
  announcementTs: string | null;
  lastUpdateAt: Date | null;
  roles: Partial<Record<IncidentRole, string>>;
}

/** The kinds of timeline entry. Each state change writes one, in the same transaction. */
export const TIMELINE_KINDS = [
  'declared',
  'status_changed',
  'severity_changed',
  'role_assigned',
  'update',
  'note',
  'pinned',
  'flag_changed',
  'visibility_changed',
  'playbook',
  'clock_event',
  'notice',
  'page',
  'review',
  'action_item',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
  id: number;
  incidentId: string;
  at: Date;
  kind: TimelineKind;
  actor: string;
  text: string;
  data: Record<string, unknown>;
}

/** The person who leads the response: the assigned commander, else whoever declared. */
export const commanderOf = (incident: Incident): string => incident.roles.commander ?? incident.declaredBy;

/** Fields that change after declaration; everything else is fixed at insert. */
export type IncidentPatch = Partial<
  Pick<Incident, 'severity' | 'status' | 'flags' | 'resolvedAt' | 'closedAt' | 'channelId' | 'channelName' | 'cardTs' | 'announcementChannel' | 'announcementTs' | 'lastUpdateAt' | 'title' | 'private'>
>;

/** A timeline entry as a use case records it (the store adds its id). */
export interface NewTimelineEntry {
  incidentId: string;
  at: Date;
  kind: TimelineKind;
  actor: string;
  text: string;
  data?: Record<string, unknown>;
  /** A key unique per incident and kind (a Slack message ts): the same source is recorded once. */
  sourceKey?: string;
}

/** Where a page of open incidents ends: the last one shown (newest first, so the next page is older). */
export interface ListCursor {
  /** Its declaration instant as stored (ISO-8601). */
  declaredAt: string;
  id: string;
}
