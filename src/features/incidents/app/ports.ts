import type { AuditEntry, AuditFacts } from '../../audit/index.js';
import type { JobRepo } from '../../../platform/jobs/job-repo.js';
import type { Incident, IncidentPatch, ListCursor, NewTimelineEntry, TimelineEntry } from '../domain/incident.js';

export type { ListCursor } from '../domain/incident.js';
import type { IncidentRole } from '../domain/incident-model.js';

/** Incidents and their roles, as the use cases read and write them (store/incident-repo.ts implements it over SQLite). */
export interface IncidentRecords {
  get(id: string): Incident | null;
  byChannel(channelId: string): Incident | null;
  byRequestKey(key: string): Incident | null;
  /** The same person declaring the same title since `since`: a double click or a retried submission. */
  recentDuplicate(userId: string, title: string, since: Date): Incident | null;
  /** Every open incident, hydrated: it costs every open incident, so no reader in src uses it (tests and benches do). */
  listOpen(): Incident[];
  /**
   * Up to `limit` open incidents the viewer may see (every public one, the private ones they are a member of),
   * newest first, declared before `before` (null: from the newest). Reads only the page's rows.
   */
  openVisiblePage(viewer: string, before: ListCursor | null, limit: number): Incident[];
  /** Of the `scan` newest open incidents the viewer may see, up to `limit` they hold no role in; `scanned`: how many were looked at. */
  openVisibleNotHeld(viewer: string, scan: number, limit: number): { incidents: Incident[]; scanned: number };
  /** Up to `limit` open incidents the person holds a role in, newest first; costs what they hold. */
  openHeldBy(userId: string, limit: number): Incident[];
  /** Up to `limit` of the person's roles in open incidents, newest incident first. */
  openRolesOf(userId: string, limit: number): { incidentId: string; role: IncidentRole }[];
  /** The next number in a named sequence (per-year incident ids). */
  nextSeq(name: string): number;
  insert(incident: Incident, requestKey: string | null): void;
  update(id: string, patch: IncidentPatch): void;
  setRole(incidentId: string, role: IncidentRole, userId: string, by: string, at: Date): void;
  /**
   * True when the person is in the incident: its declarer, a role holder, invited to its channel, or reported
   * by Slack as having joined it (and not left). Decides who sees a private incident.
   */
  isMember(incidentId: string, userId: string): boolean;
  /** Records a member; someone already in keeps the time they first joined. */
  addMember(incidentId: string, userId: string, since: Date): void;
  removeMember(incidentId: string, userId: string): void;
  /** The members, earliest first. */
  membersOf(incidentId: string): string[];
}

/** The incident's timeline. */
export interface TimelineRecords {
  /** The stored row's id and hash, or null when an entry with the same source key was already recorded. */
  add(entry: NewTimelineEntry): { id: number; sha256: string } | null;
  list(incidentId: string): TimelineEntry[];
  count(incidentId: string): number;
  /** `limit` entries from the `offset`-th, in `list`'s order (oldest first). */
  slice(incidentId: string, offset: number, limit: number): TimelineEntry[];
}

/** The audit chain, appended inside the transaction of the change it records. */
export interface AuditTrail {
  append(facts: AuditFacts): AuditEntry;
  forIncident(incidentId: string): AuditEntry[];
}

/** Everything the incident use cases store, and the transaction that keeps a change and its records together. */
export interface IncidentStore {
  incidents: IncidentRecords;
  timeline: TimelineRecords;
  audit: AuditTrail;
  jobs: JobRepo;
  /** Runs `fn` in one transaction (nested calls join the outer one). */
  transaction<T>(fn: () => T): T;
  /** Records an inbound request key; false when it was seen before (a Slack retry or a double click). */
  firstSighting(key: string, now: Date): boolean;
}
