/** Paging the on-call through PagerDuty: pages that follow the incident, `/incident page` and `oncall`, webhooks back. */
export { isPagerDutyError, PagerDutyError, type OnCallEntry, type PagerDutyEvent, type PagerDutyFailure, type PagerDutyPort } from './app/ports.js';
