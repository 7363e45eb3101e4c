import { enqueueBoardRefresh } from '../app/clocks/clock-outbox.js';
import type { ClockCatalog } from '../app/clocks/clock-catalog.js';
import type { ClockPolicy, NoticeTemplates } from '../app/clocks/clock-deps.js';
import { queueRegimeSuggestions } from '../app/clocks/suggest-incident-regimes.js';
import { suggestRegimes } from '../domain/deadlines/suggest-regimes.js';
import { clockRepo } from '../store/clock-repo.js';
import { noticeRepo } from '../store/notice-repo.js';
import type { WardenFeature } from '../../../adapters/slack/feature-core.js';
import { migrations } from '../store/migrations.js';
import { clockJobs } from './clock-jobs.js';
import { registerClockListeners } from './clock-listeners.js';
import { clockVerbs, type ClockSlackDeps } from './clock-verbs.js';
import { noticeVerbs } from './notice-verbs.js';

export interface ClockSettings {
  policy: ClockPolicy;
  templates: NoticeTemplates;
}

/**
 * The legal clocks: `/incident clock|regime|deadlines|notify|submitted|notnotifiable`, the pinned deadline
 * board, reminders (which outlive resolution: a resolved incident still owes its notifications), notice
 * drafts with four-eyes approval, and regime suggestions from the incident's flags.
 */
export function clocksFeature(catalog: ClockCatalog, settings: ClockSettings): WardenFeature {
  return {
    name: 'notifications',
    migrations,
    plug: (core) => {
      const deps: ClockSlackDeps = {
        ...core.deps,
        clocks: clockRepo(core.db),
        notices: noticeRepo(core.db),
        catalog,
        clockPolicy: settings.policy,
        templates: settings.templates,
      };
      return {
        commands: { '/incident': [...clockVerbs(deps), ...noticeVerbs(deps)] },
        slack: (on) => registerClockListeners(on, deps),
        jobs: clockJobs(deps, core.slack),
        on: {
          // Most declares carry no flag that suggests a regime: those cost nothing here.
          'incident.declared': ({ incidentId, flags }) => {
            if (suggestRegimes(flags).length > 0) queueRegimeSuggestions(deps, incidentId, [], flags);
          },
          'incident.flags_changed': (change) => void queueRegimeSuggestions(deps, change.incidentId, change.before, change.after),
          // The board shows the incident's status; refresh it when the status moves (close included).
          'incident.status_changed': ({ incidentId }) => enqueueBoardRefresh(deps.store, deps.clock.now(), incidentId),
        },
      };
    },
  };
}
