import type { WardenFeature } from '../../../adapters/slack/feature-core.js';
import type { FollowUpPolicy } from '../../../platform/calendar/follow-up.js';
import { syncControls } from '../app/change-control.js';
import { onDrillClosed } from '../app/complete-control.js';
import type { ControlDeps } from '../app/deps.js';
import type { Cadence } from '../domain/cadence.js';
import type { ControlDefinition } from '../domain/control.js';
import { controlRepo } from '../store/control-repo.js';
import { migrations } from '../store/migrations.js';
import { controlJobs } from './control-jobs.js';
import { controlLine, homeBlocks } from './control-texts.js';
import { controlVerbs } from './control-verbs.js';

export type { ControlDefinition } from '../domain/control.js';

export interface AccessReviewsOptions {
  /** From warden.yaml; systems added with `/access-review add` are stored and come on top. */
  controls: readonly ControlDefinition[];
  followUp: FollowUpPolicy;
  managersChannel: string | null;
  /** The cadence of a system added with none (`sla.accessReview.every`); default monthly. */
  defaultEvery?: Cadence;
}

/** `/access-review ...`: periods that open on their cadence, owners nagged, done with evidence, late recorded as late. */
export function accessReviewsFeature(opts: AccessReviewsOptions): WardenFeature {
  return {
    name: 'access-reviews',
    migrations,
    plug(core) {
      const deps: ControlDeps = { ...core.deps, controls: controlRepo(core.db), followUp: opts.followUp, managersChannel: opts.managersChannel, defaultEvery: opts.defaultEvery ?? 'monthly' };
      // Every configured control has its current period and the job opening the next one (idempotent).
      syncControls(deps, opts.controls);
      const zone = opts.followUp.calendar.zone;
      return {
        commands: { '/access-review': controlVerbs(deps) },
        jobs: controlJobs(deps, core.slack),
        on: { 'incident.status_changed': (e) => onDrillClosed(deps, e) },
        home(viewer) {
          const now = deps.clock.now();
          const mine = deps.controls.all().filter((c) => c.active && c.owner === viewer);
          const lines = mine.flatMap((c) => deps.controls.openOf(c.id).map((p) => controlLine(c, p, deps.controls.lastDone(c.id), zone, now)));
          return homeBlocks(lines);
        },
      };
    },
  };
}
