import { Cron } from 'croner';
import { z } from 'zod';
import { channelField, strictObject, timeZoneField } from '../../../platform/config/fields.js';
import { DIGEST_SECTIONS } from '../domain/digest-sections.js';

const CRON_MESSAGE = 'expected a cron schedule like "0 9 * * 1-5" (minute hour day month weekday)';

function isCron(pattern: string): boolean {
  try {
    new Cron(pattern, { paused: true });
    return true;
  } catch {
    return false;
  }
}

const digestEntry = strictObject({
  channel: channelField,
  schedule: z.string({ error: CRON_MESSAGE }).refine(isCron, CRON_MESSAGE),
  timeZone: timeZoneField.optional().describe('The zone the schedule is read in (default: timeZone).'),
  sections: z.array(z.enum(DIGEST_SECTIONS, { error: `expected one of ${DIGEST_SECTIONS.join(', ')}` })).default([...DIGEST_SECTIONS]),
});

/**
 * Managers' SLA digests: one entry per channel and schedule. Left out: one digest to `channels.managers` at 09:00
 * Monday to Friday in `timeZone`; `[]`: none.
 */
export const digestsSection = z.array(digestEntry, { error: 'expected a list of {channel, schedule, timeZone, sections}' }).optional();
