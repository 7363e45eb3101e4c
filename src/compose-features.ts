import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { WardenFeature } from './adapters/slack/feature-core.js';
import { PACKAGE_ROOT } from './cli/package-root.js';
import { migrations as incidentMigrations } from './features/incidents/index.js';
import { clockEventsOf, migrations as notificationMigrations } from './features/notifications/index.js';
import { checkPlaybookFiles, listPlaybookFiles, migrations as playbookMigrations, PLAYBOOK_JOB_KINDS, playbooksFeature, type Playbook } from './features/playbooks/index.js';
import { clocksFeatureFromConfig, nagSettingsFrom, vocabularyOf, type WardenConfig } from './config/index.js';
import type { IncidentVocabulary } from './features/incidents/index.js';
import { WardenError } from './platform/errors.js';
import { formatProblem } from './platform/yaml-validate.js';

/** Every feature's migrations; `migrate` applies them in version order and refuses two with one version. */
export const ALL_MIGRATIONS = [...incidentMigrations, ...playbookMigrations, ...notificationMigrations];

/**
 * The features plugged in beyond the incident core (which the composition root always includes), built from
 * the configuration. A new capability is one more line here.
 */
export function wardenFeatures(config: WardenConfig, shippedRegimes: readonly string[] = [join(PACKAGE_ROOT, 'regimes')]): WardenFeature[] {
  return [
    playbooksFeature({
      playbooks: loadPlaybookDirs(config.playbooks.dirs, vocabularyOf(config)),
      nags: nagSettingsFrom(config),
      clockEvents: (core) => ({ eventsFor: clockEventsOf(core.db) }),
    }),
    // Legal clocks: the shipped regimes/ plus notifications.regimes.extraDirs; an invalid catalog stops start-up.
    // A recorded clock event refreshes the checklist, so `clock:<event>` steps get their due time.
    clocksFeatureFromConfig(config, shippedRegimes, [PLAYBOOK_JOB_KINDS.refresh]),
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
