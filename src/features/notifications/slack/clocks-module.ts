import { enqueueBoardRefresh } from '../app/clocks/clock-outbox.js';
import { buildClockCatalog, type ClockCatalog } from '../app/clocks/clock-catalog.js';
import type { ClockPolicy, NoticeTemplates } from '../app/clocks/clock-deps.js';
import { queueRegimeSuggestions } from '../app/clocks/suggest-incident-regimes.js';
import { ALL_IN_FORCE, type LeadTime, type WardenConfig } from '../../../platform/config/index.js';
import { WardenError } from '../../../platform/errors.js';
import { listTemplates, loadTemplate } from '../files/template-loader.js';
import { loadRegimeCatalog } from '../files/load-regimes.js';
import { formatProblem } from '../../../platform/yaml-validate.js';
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
          'incident.declared': ({ incidentId }) => {
            const incident = deps.store.incidents.get(incidentId);
            if (incident) queueRegimeSuggestions(deps, incidentId, [], incident.flags);
          },
          'incident.flags_changed': (change) => void queueRegimeSuggestions(deps, change.incidentId, change.before, change.after),
          // The board shows the incident's status; refresh it when the status moves (close included).
          'incident.status_changed': ({ incidentId }) => enqueueBoardRefresh(deps.store, deps.clock.now(), incidentId),
        },
      };
    },
  };
}

/** The clocks module as warden.yaml configures it, on the catalog in `regimeDirs` plus the configured extra directories. */
export function clocksFeatureFromConfig(config: WardenConfig, regimeDirs: readonly string[] = ['regimes'], eventJobKinds: readonly string[] = []): WardenFeature {
  return clocksFeature(loadClockCatalog(config, regimeDirs), clockSettingsFrom(config, eventJobKinds));
}

/**
 * Loads and validates the regime catalog and adds the customer tiers.
 * @throws WardenError('config_invalid') listing every problem as `file:line path: message`, so start-up stops.
 */
export function loadClockCatalog(config: WardenConfig, regimeDirs: readonly string[] = ['regimes']): ClockCatalog {
  const n = config.notifications;
  const loaded = loadRegimeCatalog([...regimeDirs, ...n.regimes.extraDirs]);
  if (!loaded.ok) throw new WardenError('config_invalid', `the regime catalog is invalid:\n${loaded.problems.map(formatProblem).join('\n')}`);
  const enabled = n.regimes.enabled === ALL_IN_FORCE ? null : n.regimes.enabled;
  const tiers = n.customerTiers.map((t) => ({ name: t.name, anchor: t.anchor, withinMs: t.within, description: t.description }));
  return buildClockCatalog(loaded.catalog.regimes, enabled, tiers, config.timeZone);
}

/** `eventJobKinds`: job kinds of other modules to queue when a clock event is recorded or corrected. */
export function clockSettingsFrom(config: WardenConfig, eventJobKinds: readonly string[] = []): ClockSettings {
  const n = config.notifications;
  const dir = config.templates.dir;
  return {
    policy: {
      approvers: config.permissions.approvers,
      leadTimes: n.reminderLeadTimes.map(leadTimeText),
      afterDue: { every: `${Math.round(n.afterDueEvery / 1000)}s`, max: n.afterDueMax },
      managersChannel: config.channels.managers || null,
      company: config.company,
      eventJobKinds,
    },
    templates: { load: (name) => loadTemplate(dir, name), list: () => listTemplates(dir) },
  };
}

/** A parsed lead time back into the text `reminderTimes` reads. */
const leadTimeText = (lead: LeadTime): string =>
  lead.kind === 'elapsed' ? `${lead.percent}%` : lead.ms === 0 ? '0' : `${Math.round(lead.ms / 1000)}s`;
