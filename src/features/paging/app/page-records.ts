import type { Page, PageStatus } from '../domain/page.js';

/** The pages table, as the paging use cases and the webhook read and write it. */
export interface PageRecords {
  get(incidentId: string, service: string): Page | null;
  byDedupKey(dedupKey: string): Page | null;
  byPdIncident(pdIncidentId: string): Page | null;
  forIncident(incidentId: string): Page[];
  /** Inserts a queued page; false when the incident already has one for the service. */
  insert(page: Pick<Page, 'incidentId' | 'service' | 'dedupKey' | 'message' | 'requestedBy' | 'requestedAt'>): boolean;
  setStatus(dedupKey: string, status: PageStatus, at: Date): void;
  /** PagerDuty accepted an event that left the page at `sent`. */
  markSent(dedupKey: string, sent: PageStatus, at: Date): void;
  linkPdIncident(dedupKey: string, pdIncidentId: string): void;
  markLateWarned(dedupKey: string): void;
}
