import type { WardenFeature } from '../../../adapters/slack/feature-core.js';
import type { FollowUpPolicy } from '../../../platform/calendar/follow-up.js';
import type { ActionDeps } from '../app/deps.js';
import { actionRepo } from '../store/action-repo.js';
import { migrations } from '../store/migrations.js';
import { actionJobs } from './action-jobs.js';
import { channelLines, homeBlocks } from './action-texts.js';
import { actionVerb } from './action-verbs.js';

export interface ActionsOptions {
  followUp: FollowUpPolicy;
  /** Where overdue items escalate; none configured, none escalated. */
  managersChannel: string | null;
}

/** App Home reads at most this many of a person's items (it shows ten and counts the rest). */
const HOME_READ = 10;

/** `/incident action ...`, reminders to owners, escalation, and each person's open items in App Home. */
export function actionsFeature(opts: ActionsOptions): WardenFeature {
  return {
    name: 'actions',
    migrations,
    plug(core) {
      const deps: ActionDeps = { ...core.deps, actions: actionRepo(core.db), followUp: opts.followUp, managersChannel: opts.managersChannel, lines: channelLines };
      return {
        commands: { '/incident': [actionVerb(deps)] },
        jobs: actionJobs(deps, core.slack),
        home: (viewer) => homeBlocks(deps.actions.openOwnedBy(viewer, HOME_READ), deps.actions.openCountOf(viewer), deps.clock.now()),
      };
    },
  };
}
