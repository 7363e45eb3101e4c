import { applyFlagChange, refreshChecklist } from '../app/apply-flag-change.js';
import { attachFittingPlaybook } from '../app/attach-playbook.js';
import { noClockEvents, PLAYBOOK_JOB_KINDS, PLAYBOOK_RESPONSE_BOUND_KINDS, type ClockEventsPort, type NagSettings } from '../app/deps.js';
import { runNag, type NagPayload } from '../app/schedule-nags.js';
import type { WardenConfig } from '../../../platform/config/index.js';
import type { Playbook } from '../domain/model.js';
import { playbookRepo } from '../store/playbook-repo.js';
import type { SlackDeps } from '../../../adapters/slack/commands/registry.js';
import type { SlackGateway } from '../../../adapters/slack/gateway.js';
import type { ModuleFactory, WardenModule } from '../../../adapters/slack/module.js';
import { playbookJobs } from './playbook-jobs.js';
import { playbookVerbs } from './playbook-verbs.js';
import type { PlaybookSlackDeps } from './slack-deps.js';
import { registerStepButtons } from './step-buttons.js';
import { registerStepModals } from './step-modals.js';

export interface PlaybookModuleOptions {
  /** The playbooks loaded (and validated) at start-up. */
  playbooks: readonly Playbook[];
  nags: NagSettings;
  /**
   * Where clock events come from (`clock:<event>` due anchors). The clocks module passes a factory over the
   * shared database; without it no event exists.
   */
  clockEvents?: (deps: SlackDeps) => ClockEventsPort;
}

/** warden.yaml's `nags` and `quietHours` as the nag rules read them. */
export function nagSettingsFrom(config: Pick<WardenConfig, 'nags' | 'quietHours'>): NagSettings {
  const { start, end, timeZone } = config.quietHours;
  return { every: config.nags.every, maxPerStep: config.nags.maxPerStep, quietHours: start === end ? null : { start, end, timeZone } };
}

/**
 * Playbooks in Slack: the checklist posted on declaration and kept up to date in place, step buttons and
 * modals, `/incident playbook` and `/incident flag`, nags to step owners by DM.
 */
export function playbookModule(opts: PlaybookModuleOptions): ModuleFactory {
  return (core: SlackDeps, slack: SlackGateway): WardenModule => {
    const deps: PlaybookSlackDeps = {
      ...core,
      playbooks: playbookRepo(core.store.db),
      catalog: opts.playbooks,
      nags: opts.nags,
      clockEvents: opts.clockEvents?.(core) ?? noClockEvents,
    };
    return {
      verbs: playbookVerbs(deps),
      listeners(on) {
        registerStepButtons(on, deps);
        registerStepModals(on, deps);
      },
      jobHandlers: {
        ...playbookJobs(deps, slack),
        [PLAYBOOK_JOB_KINDS.nag]: (job) => runNag(deps, job.payload as NagPayload),
        [PLAYBOOK_JOB_KINDS.refresh]: (job) => refreshChecklist(deps, String(job.payload.incidentId)),
      },
      responseBoundKinds: [...PLAYBOOK_RESPONSE_BOUND_KINDS],
      onDeclared: (incidentId) => void attachFittingPlaybook(deps, incidentId),
      onFlagsChanged: (change) => applyFlagChange(deps, change),
      // Owners, severity-bound steps and nags follow role, severity and status changes (a reopen re-plans nags).
      onIncidentChanged: (incidentId) => refreshChecklist(deps, incidentId),
    };
  };
}
