import type { WardenFeature } from '../../../adapters/slack/feature-core.js';
import type { ReviewDeps } from '../app/deps.js';
import { onStatusChanged } from '../app/follow-incident.js';
import type { ReviewPolicy } from '../domain/review-policy.js';
import { migrations } from '../store/migrations.js';
import { reviewRepo } from '../store/review-repo.js';
import { pirVerb } from './pir-verb.js';
import { reviewHome } from './review-home.js';
import { reviewJobs } from './review-jobs.js';
import { pirDraft } from './pir-draft.js';
import { reviewSourcesOf, type ReviewTemplate } from '../draft/index.js';
import { actionItemsOf } from '../../actions/index.js';
import type { ClockCatalog } from '../../notifications/index.js';
import type { Playbook } from '../../playbooks/index.js';

export interface ReviewsOptions {
  policy: ReviewPolicy;
  /** What the draft reads of the legal clocks and playbooks, and the company's review template (loaded and checked). */
  clockCatalog: ClockCatalog;
  playbooks: readonly Playbook[];
  template: ReviewTemplate;
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
      const sources = reviewSourcesOf(core.db, core.deps.store, { clockCatalog: opts.clockCatalog, playbooks: opts.playbooks, actionItems: actionItemsOf(core.db) });
      return {
        commands: { '/incident': [pirVerb(deps, { draft: pirDraft(deps, sources, opts.template) })] },
        jobs: reviewJobs(deps, core.slack),
        on: { 'incident.status_changed': (e) => onStatusChanged(deps, e) },
        home: reviewHome(reviews, core.deps.clock),
      };
    },
  };
}
