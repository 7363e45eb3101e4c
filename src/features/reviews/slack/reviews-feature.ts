import type { WardenFeature } from '../../../adapters/slack/feature-core.js';
import type { ReviewDeps } from '../app/deps.js';
import { onStatusChanged } from '../app/follow-incident.js';
import type { ReviewPolicy } from '../domain/review-policy.js';
import { migrations } from '../store/migrations.js';
import { reviewRepo } from '../store/review-repo.js';
import { pirVerb } from './pir-verb.js';
import { reviewHome } from './review-home.js';
import { reviewJobs } from './review-jobs.js';

export interface ReviewsOptions {
  policy: ReviewPolicy;
  /** Where overdue reviews escalate; none configured, none escalated. */
  managersChannel: string | null;
}

/** `/incident pir ...`, the review scheduled on resolve, its reminders and escalation, the close guard, App Home. */
export function reviewsFeature(opts: ReviewsOptions): WardenFeature {
  return {
    name: 'reviews',
    migrations,
    plug(core) {
      const reviews = reviewRepo(core.db);
      const deps: ReviewDeps = { ...core.deps, reviews, reviewPolicy: opts.policy, managersChannel: opts.managersChannel };
      return {
        commands: { '/incident': [pirVerb(deps)] },
        jobs: reviewJobs(deps, core.slack),
        on: { 'incident.status_changed': (e) => onStatusChanged(deps, e) },
        home: reviewHome(reviews, core.deps.clock),
      };
    },
  };
}
