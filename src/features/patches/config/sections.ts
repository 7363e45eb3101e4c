import { z } from 'zod';
import { durationField, followUpSection, strictObject } from '../../../platform/config/fields.js';
import { PATCH_SEVERITIES } from '../domain/patch-severity.js';

const SEVERITY_MESSAGE = `expected one of ${PATCH_SEVERITIES.join(', ')}`;

/**
 * Patch SLAs (`sla.patch`): how long a finding of each severity may stay open, counted from its discovery;
 * how its owner is reminded; and how a scanner's severity words map to Warden's (merged over the defaults).
 */
export const patchSlaSection = strictObject({
  critical: durationField.prefault('7d').describe('Critical findings are patched within this long of discovery.'),
  high: durationField.prefault('30d'),
  medium: durationField.prefault('60d'),
  low: durationField.prefault('90d'),
  reminders: followUpSection({ before: ['50%', '2d', '12h'], overdueEvery: '1d', overdueMax: 10, escalateAfter: '1d' }).describe(
    'DMs to the owner (50% = half-way from recording to due; 12h = noon of the due day, since a finding is due at the end of its day), then daily while overdue; escalateAfter: the managers\' channel, once.',
  ),
  scannerSeverities: z
    .record(z.string().min(1).transform((s) => s.toLowerCase()), z.enum(PATCH_SEVERITIES, { error: SEVERITY_MESSAGE }), { error: 'expected a mapping of scanner severity: critical|high|medium|low' })
    .default({})
    .describe('Scanner severity words (npm audit, Trivy, SARIF levels, OSV) to Warden severities, over the built-in table.'),
}).prefault({});
