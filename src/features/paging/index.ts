/** Paging the on-call through PagerDuty: pages that follow the incident, `/incident page` and `oncall`, webhooks back. */
export { isPagerDutyError, PagerDutyError, type OnCallEntry, type PagerDutyEvent, type PagerDutyFailure, type PagerDutyPort } from './app/ports.js';
export { migrations } from './store/migrations.js';
export { pageRepo } from './store/page-repo.js';
export type { PageRecords } from './app/page-records.js';
export { dedupKeyOf, PAGE_STATUSES, type Page, type PageStatus } from './domain/page.js';
export { pagingFeature, type PagingOptions } from './slack/paging-feature.js';
export { pagingSection, type PagingConfig } from './config/sections.js';
export { DEFAULT_SERVICE, type PagingPolicy, type PagingService } from './domain/policy.js';
export { pagerDutyWebhookRoute, WEBHOOK_PATH, MAX_BODY_BYTES, type WebhookRouteOptions } from './http/webhook-route.js';
export { pagingInboundParts, type InboundOptions } from './slack/inbound-parts.js';
export { verifyPagerDutySignature, pagerDutySignature } from './domain/webhook-signature.js';
