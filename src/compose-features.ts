import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { migrations as incidentMigrations } from './features/incidents/store/migrations.js';
import { migrations as notificationMigrations } from './features/notifications/store/migrations.js';
import { migrations as playbookMigrations } from './features/playbooks/store/migrations.js';
import { PACKAGE_ROOT } from './cli/package-root.js';
import { vocabularyOf, type WardenConfig } from './platform/config/index.js';
import type { IncidentVocabulary } from './features/incidents/domain/vocabulary.js';
import { PLAYBOOK_JOB_KINDS } from './features/playbooks/app/deps.js';
import { WardenError } from './platform/errors.js';
import type { Playbook } from './features/playbooks/domain/model.js';
import { checkPlaybookFiles, listPlaybookFiles } from './features/playbooks/files/load-playbooks.js';
import { formatProblem } from './platform/yaml-validate.js';
import { clocksModuleFromConfig } from './features/notifications/slack/clocks-module.js';
import { clockEventsOf } from './features/notifications/store/clock-repo.js';
import type { ModuleFactory } from './adapters/slack/module.js';
import { nagSettingsFrom, playbookModule } from './features/playbooks/slack/playbook-module.js';

/** Every feature's migrations; `migrate` applies them in version order and refuses two with one version. */
export const ALL_MIGRATIONS = [...incidentMigrations, ...playbookMigrations, ...notificationMigrations];

/** The capabilities plugged in beyond the incident core, built from the configuration. */
export function wardenModules(config: WardenConfig, shippedRegimes: readonly string[] = [join(PACKAGE_ROOT, 'regimes')]): ModuleFactory[] {
  return [
    playbookModule({
      playbooks: loadPlaybookDirs(config.playbooks.dirs, vocabularyOf(config)),
      nags: nagSettingsFrom(config),
      clockEvents: (deps) => ({ eventsFor: clockEventsOf(deps.store.db) }),
    }),
    // Legal clocks: the shipped regimes/ plus notifications.regimes.extraDirs; an invalid catalog stops start-up.
    // A recorded clock event refreshes the checklist, so `clock:<event>` steps get their due time.
    clocksModuleFromConfig(config, shippedRegimes, [PLAYBOOK_JOB_KINDS.refresh]),
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
