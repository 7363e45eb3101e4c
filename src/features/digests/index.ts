/** Managers' SLA digests: on a cron schedule per channel, in its zone, and `/warden digest` on demand. */
export { digestsSection } from './config/sections.js';
export { DIGEST_SECTIONS, type DigestSection } from './domain/digest-sections.js';
export { digestsFeature, type DigestsOptions, type DigestSchedule } from './slack/digests-feature.js';
export { migrations } from './store/migrations.js';
