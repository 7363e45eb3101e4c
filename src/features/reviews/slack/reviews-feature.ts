import type { WardenFeature } from '../../../adapters/slack/feature-core.js';
import type { ReviewPolicy } from '../domain/review-policy.js';
import { migrations } from '../store/migrations.js';

export interface ReviewsOptions {
  policy: ReviewPolicy;
  /** Where overdue reviews escalate; none configured, none escalated. */
  managersChannel: string | null;
}

/** `/incident pir ...`, the review scheduled on resolve, its reminders, and the close guard. */
export function reviewsFeature(_opts: ReviewsOptions): WardenFeature {
  return { name: 'reviews', migrations, plug: () => ({}) };
}
