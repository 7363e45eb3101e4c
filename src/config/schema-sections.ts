import { z } from 'zod';
import { ACCESS_REVIEW_CADENCES, DEFAULT_PATCH_SLA } from './defaults.js';
import { channelField, countField, durationField, strictObject } from '../platform/config/fields.js';

/** The sections of warden.yaml no single feature owns: channels and the SLAs to come. */

export const channelsSection = strictObject({
  announcements: channelField.prefault('incidents'),
  managers: channelField.prefault('security-managers'),
}).prefault({});

export const slaSection = strictObject({
  patch: strictObject({
    critical: durationField.prefault(DEFAULT_PATCH_SLA.critical),
    high: durationField.prefault(DEFAULT_PATCH_SLA.high),
    medium: durationField.prefault(DEFAULT_PATCH_SLA.medium),
    low: durationField.prefault(DEFAULT_PATCH_SLA.low),
  }).prefault({}),
  accessReview: strictObject({
    every: z.enum(ACCESS_REVIEW_CADENCES, { error: `expected one of ${ACCESS_REVIEW_CADENCES.join(', ')}` }).default('monthly'),
  }).prefault({}),
}).prefault({});

// Enough for a person typing fast and a script posting a burst of updates; low enough that a stuck loop is stopped.
const commandCount = countField(1, 100_000);

/** Token-bucket limits on slash commands, per person and per workspace (see adapters/slack/commands/rate-limit.ts). */
export const limitsSection = strictObject({
  commandsPerUserPerMinute: commandCount.default(20).describe('Commands one person may send per minute, sustained.'),
  commandBurstPerUser: commandCount.default(10).describe('Commands one person may send in a quick burst before the per-minute pace applies.'),
  commandsPerWorkspacePerMinute: commandCount.default(300).describe('Commands the whole workspace may send per minute (also its burst).'),
}).prefault({});
