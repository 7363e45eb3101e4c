/** The PagerDuty adapter: the only code that imports @pagerduty/pdjs. */
export { createPagerDuty, type PagerDutyOptions } from './create-pager-duty.js';
export { classifyPagerDutyFailure } from './failures.js';
export { SUMMARY_MAX, truncateSummary } from './events.js';
