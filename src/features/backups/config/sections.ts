import { z } from 'zod';
import { countField, durationField, strictObject } from '../../../platform/config/fields.js';

const EVERY_MESSAGE = 'expected a duration of at least 5m like 1h, or off';

/**
 * Scheduled backups of the live database (`warden backup PATH` takes one by hand at any time). `every: off` leaves
 * backups to something else (a volume snapshot ...): `/readyz` then says `disabled`.
 */
export const backupsSection = strictObject({
  dir: z.string({ error: 'expected a directory path' }).trim().min(1, 'expected a directory path').optional().describe('Where scheduled backups go (default: backups/ beside WARDEN_DB).'),
  every: z
    .union([z.literal('off'), durationField], { error: EVERY_MESSAGE })
    .prefault('1h')
    .refine((v) => v === 'off' || v >= 300_000, EVERY_MESSAGE)
    .transform((v) => (v === 'off' ? null : v))
    .describe('How often a scheduled backup runs, on the hour for 1h (default 1h); off: none.'),
  keep: strictObject({
    hourly: countField(1, 10_000).default(48).describe('The newest scheduled backups kept (default 48).'),
    daily: countField(0, 3_650).default(30).describe('Days (UTC) whose newest scheduled backup is kept besides (default 30).'),
  }).prefault({}),
}).prefault({});
