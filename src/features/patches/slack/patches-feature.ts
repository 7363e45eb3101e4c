import type { WardenFeature } from '../../../adapters/slack/feature-core.js';
import type { PatchDeps, PatchPolicy } from '../app/deps.js';
import { migrations } from '../store/migrations.js';
import { patchRepo } from '../store/patch-repo.js';
import { patchJobs } from './patch-jobs.js';
import { patchListeners } from './patch-listeners.js';
import { importVerb } from './patch-import-verb.js';
import { patchVerbs } from './patch-verbs.js';

export type { PatchPolicy } from '../app/deps.js';

export interface PatchesOptions {
  policy: PatchPolicy;
  /** Where overdue findings escalate and risk acceptances are asked for; none configured, none posted. */
  managersChannel: string | null;
}

/** `/patch ...`, `warden patch import`, reminders to owners, risk acceptances an approver decides. */
export function patchesFeature(opts: PatchesOptions): WardenFeature {
  return {
    name: 'patches',
    migrations,
    plug(core) {
      const deps: PatchDeps = { ...core.deps, patches: patchRepo(core.db), patchPolicy: opts.policy, managersChannel: opts.managersChannel };
      return { commands: { '/patch': [...patchVerbs(deps), importVerb(deps)] }, jobs: patchJobs(deps, core.slack), slack: patchListeners(deps) };
    },
  };
}
