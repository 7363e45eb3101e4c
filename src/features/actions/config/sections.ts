import { followUpSection, strictObject } from '../../../platform/config/fields.js';

/** Action items: how their owners are reminded, and when an overdue one reaches the managers' channel. */
export const actionsSection = strictObject({
  reminders: followUpSection({ before: ['2d', '12h'], overdueEvery: '1d', overdueMax: 5, escalateAfter: '3d' }).describe(
    'Reminders to the owner before the due date and while overdue; escalateAfter: when an overdue item reaches the managers\' channel.',
  ),
}).prefault({});
