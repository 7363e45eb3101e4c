import { z } from 'zod';
import { ACCESS_REVIEW_CADENCES, DEFAULT_PATCH_SLA } from './defaults.js';
import { channelField, durationField, strictObject } from '../platform/config/fields.js';

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
