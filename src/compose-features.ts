import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { WardenFeature } from './adapters/slack/feature-core.js';
import { PACKAGE_ROOT } from './cli/package-root.js';
import { migrations as incidentMigrations } from './features/incidents/index.js';
import { clockEventsOf, clocksFeature, migrations as notificationMigrations } from './features/notifications/index.js';
import { checkPlaybookFiles, listPlaybookFiles, migrations as playbookMigrations, PLAYBOOK_JOB_KINDS, playbooksFeature, type Playbook } from './features/playbooks/index.js';
import { backupSettingsFrom, clockSettingsFrom, controlsFrom, digestSchedulesFrom, followUpPolicyFrom, loadClockCatalog, patchPolicyFrom, nagSettingsFrom, pagingPolicyFrom, reviewPolicyFrom, vocabularyOf, type WardenConfig } from './config/index.js';
import { loadReviewTemplate, migrations as reviewMigrations, reviewsFeature } from './features/reviews/index.js';
import { actionsFeature, migrations as actionMigrations } from './features/actions/index.js';
import { metricsFeature, migrations as metricsMigrations } from './features/metrics/index.js';
import { migrations as patchMigrations, patchDigestOf, patchesFeature } from './features/patches/index.js';
import { accessReviewsFeature, controlDigestOf, migrations as accessReviewMigrations } from './features/access-reviews/index.js';
import { digestsFeature, migrations as digestMigrations } from './features/digests/index.js';
import { backupDigestOf, backupsFeature, migrations as backupMigrations } from './features/backups/index.js';
import { migrations as pagingMigrations, pagingFeature, type PagerDutyPort } from './features/paging/index.js';
import type { IncidentVocabulary } from './features/incidents/index.js';
import { WardenError } from './platform/errors.js';
import { formatProblem } from './platform/yaml-validate.js';
import { createPagerDuty } from './adapters/pagerduty/index.js';
import type { WardenEnv } from './platform/config/index.js';
import { createPrivateKey } from 'node:crypto';
import { auditFeature, type AuditOptions } from './features/audit/index.js';

/** The audit checkpoints as the environment sets them up: off without WARDEN_AUDIT_KEY (or with an in-memory database). */
export function auditSetupFrom(audit: WardenEnv['audit']): AuditOptions['checkpoints'] {
  return audit.key && audit.checkpointsPath ? { key: createPrivateKey(audit.key), path: audit.checkpointsPath } : null;
}

/** Every feature's migrations; `migrate` applies them in version order and refuses two with one version. */
export const ALL_MIGRATIONS = [...incidentMigrations, ...playbookMigrations, ...notificationMigrations, ...pagingMigrations, ...reviewMigrations, ...actionMigrations, ...metricsMigrations, ...patchMigrations, ...accessReviewMigrations, ...digestMigrations, ...backupMigrations];

/** PagerDuty as the environment sets it up: no client when no PagerDuty variable is set. */
export interface PagingSetup {
  pagerDuty: PagerDutyPort | null;
  /** PAGERDUTY_ROUTING_KEY: the default service's routing key. */
  routingKey: string | null;
  /** Where each configured service's routing key variable is read. */
  env: Readonly<Record<string, string | undefined>>;
}

const NO_PAGING: PagingSetup = { pagerDuty: null, routingKey: null, env: {} };

/** The PagerDuty client when a routing key or a REST token is set; the base URLs come from the environment. */
export function pagingSetupFrom(pd: WardenEnv['pagerDuty'], env: Readonly<Record<string, string | undefined>>): PagingSetup {
  const configured = pd.routingKey !== undefined || pd.token !== undefined;
  const pagerDuty = configured ? createPagerDuty({ eventsUrl: pd.eventsUrl, apiUrl: pd.apiUrl, ...(pd.token ? { token: pd.token } : {}), ...(pd.ca ? { ca: pd.ca } : {}) }) : null;
  return { pagerDuty, routingKey: pd.routingKey ?? null, env };
}

/**
 * The features plugged in beyond the incident core (which the composition root always includes), built from
 * the configuration. A new capability is one more line here.
 */
export function wardenFeatures(
  config: WardenConfig,
  shippedRegimes: readonly string[] = [join(PACKAGE_ROOT, 'regimes')],
  paging: PagingSetup = NO_PAGING,
  auditCheckpoints: AuditOptions['checkpoints'] = null,
): WardenFeature[] {
  const playbooks = loadPlaybookDirs(config.playbooks.dirs, vocabularyOf(config));
  // The shipped regimes/ plus notifications.regimes.extraDirs; an invalid catalog stops start-up.
  const clockCatalog = loadClockCatalog(config, shippedRegimes);
  const backups = backupSettingsFrom(config);
  return [
    playbooksFeature({
      playbooks,
      nags: nagSettingsFrom(config),
      clockEvents: (core) => ({ eventsFor: clockEventsOf(core.db) }),
    }),
    // Legal clocks. A recorded clock event refreshes the checklist, so `clock:<event>` steps get their due time.
    clocksFeature(clockCatalog, clockSettingsFrom(config, [PLAYBOOK_JOB_KINDS.refresh])),
    // Pages follow the incident; without PagerDuty set up, nothing pages and `/incident page` says what to set.
    pagingFeature({ pagerDuty: paging.pagerDuty, policy: pagingPolicyFrom(config, paging.routingKey, paging.env), announcementsChannel: config.channels.announcements || null }),
    // After the incident: the review scheduled on resolve, and action items that outlive the incident. A replaced
    // review template with an unknown variable stops the start-up (and `warden config check`), naming its line.
    reviewsFeature({ policy: reviewPolicyFrom(config), managersChannel: config.channels.managers || null, clockCatalog, playbooks, template: loadReviewTemplate(config.templates.dir) }),
    actionsFeature({ followUp: followUpPolicyFrom(config, config.actions.reminders), managersChannel: config.channels.managers || null }),
    metricsFeature(), // MTTA, MTTR and time to legal submission on /metrics (and `warden metrics`)
    // Between incidents: patch SLAs, access reviews and other recurring controls, and the managers' digests.
    patchesFeature({ policy: patchPolicyFrom(config), managersChannel: config.channels.managers || null }),
    accessReviewsFeature({ controls: controlsFrom(config), defaultEvery: config.sla.accessReview.every, followUp: followUpPolicyFrom(config, config.sla.accessReview.reminders), managersChannel: config.channels.managers || null }),
    digestsFeature({ digests: digestSchedulesFrom(config), clockCatalog, patchDigestOf, controlDigestOf, backupDigestOf: backupDigestOf(backups.everyMs) }),
    // Online backups on a schedule with retention; the age of the last good one on /readyz, /metrics and the digest.
    backupsFeature(backups),
    // Signed checkpoints of the audit chain, hourly and on shutdown, to the checkpoint file and the audit channel.
    auditFeature({ checkpoints: auditCheckpoints, channel: config.channels.audit ?? null }),
  ];
}

/**
 * Every playbook in the configured directories (ids unique across all of them). An invalid playbook (one
 * naming a severity or role warden.yaml does not configure, too) stops the start-up with
 * `file:line path: problem` for each problem, rather than failing mid-response.
 */
export function loadPlaybookDirs(dirs: readonly string[], vocabulary?: IncidentVocabulary): Playbook[] {
  const missing = dirs.filter((dir) => !existsSync(dir));
  if (missing.length > 0) throw new WardenError('config_invalid', `playbooks.dirs: no such directory: ${missing.join(', ')}`);
  const checks = checkPlaybookFiles(dirs.flatMap((dir) => listPlaybookFiles(dir)), vocabulary);
  const problems = checks.flatMap((c) => c.problems);
  if (problems.length > 0) throw new WardenError('config_invalid', `Invalid playbooks:\n${problems.map(formatProblem).join('\n')}`, { problems });
  return checks.flatMap((c) => (c.playbook ? [c.playbook] : []));
}
