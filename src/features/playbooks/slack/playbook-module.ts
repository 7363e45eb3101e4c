import { applyFlagChange, refreshChecklist } from '../app/apply-flag-change.js';
import { attachFittingPlaybook } from '../app/attach-playbook.js';
import { declarePlaybookNote } from './declare-note.js';
import { noClockEvents, PLAYBOOK_JOB_KINDS, type ClockEventsPort, type NagSettings } from '../app/deps.js';
import { nagPayloadSchema, runNag } from '../app/schedule-nags.js';
import type { Playbook } from '../domain/model.js';
import { playbookRepo } from '../store/playbook-repo.js';
import type { FeatureCore, WardenFeature } from '../../../adapters/slack/feature-core.js';
import { defineJob } from '../../../platform/jobs/define-job.js';
import { incidentPayload } from '../../../platform/jobs/payloads.js';
import { migrations } from '../store/migrations.js';
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
  clockEvents?: (core: FeatureCore) => ClockEventsPort;
}

/**
 * Playbooks in Slack: the checklist posted on declaration and kept up to date in place, step buttons and
 * modals, `/incident playbook` and `/incident flag`, nags to step owners by DM.
 */
export function playbooksFeature(opts: PlaybookModuleOptions): WardenFeature {
  return {
    name: 'playbooks',
    migrations,
    plug: (core) => {
      const deps: PlaybookSlackDeps = {
        ...core.deps,
        playbooks: playbookRepo(core.db),
        catalog: opts.playbooks,
        nags: opts.nags,
        clockEvents: opts.clockEvents?.(core) ?? noClockEvents,
      };
      const refresh = ({ incidentId }: { incidentId: string }) => refreshChecklist(deps, incidentId);
      return {
        commands: { '/incident': playbookVerbs(deps) },
        declareNote: (incident) => declarePlaybookNote(deps, incident),
        slack(on) {
          registerStepButtons(on, deps);
          registerStepModals(on, deps);
        },
        jobs: [
          ...playbookJobs(deps, core.slack),
          defineJob({ kind: PLAYBOOK_JOB_KINDS.nag, payload: nagPayloadSchema, run: (p) => runNag(deps, p), responseBound: true, transactional: true }),
          defineJob({ kind: PLAYBOOK_JOB_KINDS.refresh, payload: incidentPayload, run: refresh }),
          defineJob({ kind: PLAYBOOK_JOB_KINDS.attach, payload: incidentPayload, run: ({ incidentId }) => void attachFittingPlaybook(deps, incidentId), transactional: true }),
        ],
        on: {
          // Queued in the declaration's transaction (so it cannot be lost), run after the ack (so it cannot slow it).
          'incident.declared': ({ incidentId }) => {
            const now = deps.clock.now();
            deps.store.jobs.enqueue({ kind: PLAYBOOK_JOB_KINDS.attach, dueAt: now, payload: { incidentId }, idemKey: `attach:${incidentId}`, incidentId }, now);
          },
          'incident.flags_changed': (change) => applyFlagChange(deps, change),
          // Owners, severity-bound steps and nags follow role, severity and status changes (a reopen re-plans nags).
          'incident.status_changed': refresh,
          'incident.severity_changed': refresh,
          'incident.role_assigned': refresh,
        },
      };
    },
  };
}
