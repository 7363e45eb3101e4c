import type { PdIncidentFacts } from './webhook-event.js';

/** A PagerDuty incident Warden did not start, as stored: announced with a Declare button, linked once declared. */
export interface PdIncidentRecord {
  pdIncidentId: string;
  /** The Warden incident declared from it; null until someone declares. */
  incidentId: string | null;
  title: string;
  urgency: 'high' | 'low' | null;
  serviceName: string | null;
  htmlUrl: string | null;
  dedupKey: string | null;
  status: PdIncidentFacts['status'];
  announcementChannel: string | null;
  announcementTs: string | null;
  updatedAt: Date;
}

/** The severity a PagerDuty urgency suggests on the declare form (a person can change it). */
export const SEVERITY_FOR_URGENCY: Record<'high' | 'low', string> = { high: 'sev2', low: 'sev3' };

/** What a change in PagerDuty means for a linked Warden incident. */
export const PD_CHANGES = ['acknowledged', 'unacknowledged', 'resolved', 'reassigned'] as const;
export type PdChange = (typeof PD_CHANGES)[number];

export const changeOfEventType = (type: string): PdChange | null => {
  const change = type.replace(/^incident\./, '');
  return (PD_CHANGES as readonly string[]).includes(change) ? (change as PdChange) : null;
};

/** The page status a change leaves Warden's own page in; reassignment does not change it. */
export const PAGE_STATUS_AFTER: Record<PdChange, 'acknowledged' | 'triggered' | 'resolved' | null> = {
  acknowledged: 'acknowledged',
  unacknowledged: 'triggered',
  resolved: 'resolved',
  reassigned: null,
};

/** The timeline line of a change, as a person reads it (plain text; the Slack layer escapes what it posts). */
export function changeLine(change: PdChange, agent: string | null, assignees: readonly string[]): string {
  const by = agent ? ` by ${agent}` : '';
  switch (change) {
    case 'acknowledged':
      return `PagerDuty: acknowledged${by}`;
    case 'unacknowledged':
      return `PagerDuty: unacknowledged${by}; the page is open again`;
    case 'resolved':
      return `PagerDuty: resolved${by}`;
    case 'reassigned':
      return `PagerDuty: reassigned to ${assignees.length > 0 ? assignees.join(', ') : 'nobody'}${by}`;
  }
}
