import type { FollowUpPolicy } from '../../../platform/calendar/follow-up.js';
import type { WorkingCalendar } from '../../../platform/calendar/working-days.js';

/** What the review rules read of the configuration (warden.yaml's `reviews` and `company`). */
export interface ReviewPolicy {
  /** Business days after resolution within which the review is due; a severity not here gets no review. */
  readonly dueWithinDays: Readonly<Record<string, number>>;
  /** The role whose holder at resolution owns the review (the commander when the role is vacant). */
  readonly ownerRole: string;
  readonly requiredToClose: boolean;
  readonly followUp: FollowUpPolicy;
  readonly calendar: WorkingCalendar;
}
