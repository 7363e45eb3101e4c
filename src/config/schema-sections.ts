import { channelField, countField, durationField, strictObject } from '../platform/config/fields.js';
import { patchSlaSection } from '../features/patches/index.js';
import { accessReviewSection, controlsSection } from '../features/access-reviews/index.js';

/** The sections of warden.yaml no single feature owns: channels, the service levels between incidents, limits. */

export const channelsSection = strictObject({
  announcements: channelField.prefault('incidents'),
  managers: channelField.prefault('security-managers'),
  /** Where each signed audit checkpoint is posted too (a channel auditors can read and Warden's admins cannot edit). */
  audit: channelField.optional(),
}).prefault({});

/** Service levels between incidents: patch SLAs, access reviews and the other recurring controls. */
export const slaSection = strictObject({
  patch: patchSlaSection,
  accessReview: accessReviewSection,
  controls: controlsSection,
}).prefault({});

// Enough for a person typing fast and a script posting a burst of updates; low enough that a stuck loop is stopped.
const commandCount = countField(1, 100_000);

/** Token-bucket limits on slash commands, per person and per workspace (see adapters/slack/commands/rate-limit.ts). */
export const limitsSection = strictObject({
  commandsPerUserPerMinute: commandCount.default(20).describe('Commands one person may send per minute, sustained.'),
  commandBurstPerUser: commandCount.default(10).describe('Commands one person may send in a quick burst before the per-minute pace applies.'),
  commandsPerWorkspacePerMinute: commandCount.default(300).describe('Commands the whole workspace may send per minute (also its burst).'),
}).prefault({});

const RETENTION_MESSAGE = 'expected a duration of at least 1d like 30d';

/** The durable job table: how long finished jobs are kept before the daily pruner deletes them. */
export const jobsSection = strictObject({
  retention: durationField
    .prefault('30d')
    .refine((ms) => ms >= 86_400_000, RETENTION_MESSAGE)
    .describe('How long done and cancelled jobs are kept before they are pruned (default 30d, at least 1d). Failed jobs are kept.'),
}).prefault({});
