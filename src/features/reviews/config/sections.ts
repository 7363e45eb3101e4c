import { z } from 'zod';
import { countField, followUpSection, slugField, strictObject } from '../../../platform/config/fields.js';

const DUE_MESSAGE = 'expected a number of business days from 1 to 90, or none (no review at this severity)';

/**
 * Post-incident reviews: due a number of business days after resolution by severity (a severity left out,
 * or `none`, gets no review), owned by a role's holder, and how their owners are reminded.
 */
export const reviewsSection = strictObject({
  dueWithin: z
    .record(slugField('a severity id'), z.union([countField(1, 90), z.literal('none')], { error: DUE_MESSAGE }), { error: 'expected a mapping of severity: business days' })
    .optional()
    .describe('Business days after resolution within which the review is due, per severity; none (or left out): no review. Default: 5, 10 and 15 for the three most severe.'),
  owner: slugField('a role id').default('commander').describe('The role whose holder at resolution owns the review.'),
  requiredToClose: z.boolean({ error: 'expected true or false' }).default(true).describe('Closing an incident needs its review done or waived.'),
  reminders: followUpSection({ before: ['2d', '12h'], overdueEvery: '1d', overdueMax: 10, escalateAfter: '1d' }).describe(
    'Reminders to the owner before the due date and while overdue; escalateAfter: when an overdue review reaches the managers\' channel.',
  ),
}).prefault({});
