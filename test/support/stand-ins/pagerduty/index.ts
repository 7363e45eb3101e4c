/** The local PagerDuty stand-in (Events API v2 and the REST reads Warden makes) used by tests. */
export { startPagerDutyStandIn, PagerDutyStandIn } from './server.js';
export { SUMMARY_MAX, DEDUP_KEY_MAX } from './events-api.js';
export { STAND_IN_POLICY_ID, STAND_IN_SERVICE_ID, STAND_IN_TOKEN, DEFAULT_ON_CALLS, DEFAULT_USERS } from './seed.js';
export type * from './types.js';
