import type { AppDeps } from '../../incidents/index.js';
import type { PagingPolicy } from '../domain/policy.js';
import type { PageRecords } from './page-records.js';
import type { InboundRecords } from './inbound-records.js';
import type { PagerDutyPort } from './ports.js';

/** The ports of the paging use cases. `pagerDuty` is null when no PagerDuty variable is set. */
export interface PagingDeps extends AppDeps {
  pages: PageRecords;
  /** PagerDuty incidents Warden did not open (announced, maybe declared from). */
  inbound: InboundRecords;
  pagerDuty: PagerDutyPort | null;
  paging: PagingPolicy;
}

/** Durable job kinds of the paging feature. */
export const PAGING_JOB_KINDS = {
  /** Brings PagerDuty to what the page should show (trigger, acknowledge, resolve), in order, each event once. */
  sync: 'pagerduty.sync',
  /** The page has not gone out in time: the commander is told to page by phone. */
  lateCheck: 'pagerduty.late_check',
  /** Acknowledges or resolves, in PagerDuty, an incident PagerDuty opened and Warden was declared from. */
  updateIncident: 'pagerduty.update_incident',
} as const;
