import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';
import type { WardenConfig } from '../config/index.js';
import { PLAYBOOK_JOB_KINDS } from '../app/playbooks/deps.js';
import { WardenError } from '../domain/errors.js';
import type { Playbook } from '../domain/playbooks/model.js';
import { checkPlaybookFiles, listPlaybookFiles } from '../playbooks/load-playbooks.js';
import { formatProblem } from '../shared/yaml-validate.js';
import { clocksModuleFromConfig } from '../slack/clocks/clocks-module.js';
import { clockEventsOf } from '../store/clock-repo.js';
import type { ModuleFactory } from '../slack/module.js';
import { nagSettingsFrom, playbookModule } from '../slack/playbooks/playbook-module.js';

/** The capabilities plugged in beyond the incident core, built from the configuration. */
export function wardenModules(config: WardenConfig, shippedRegimes: readonly string[] = [join(PACKAGE_ROOT, 'regimes')]): ModuleFactory[] {
  return [
    playbookModule({
      playbooks: loadPlaybookDirs(config.playbooks.dirs),
      nags: nagSettingsFrom(config),
      clockEvents: (deps) => ({ eventsFor: clockEventsOf(deps.store.db) }),
    }),
    // Legal clocks: the shipped regimes/ plus notifications.regimes.extraDirs; an invalid catalog stops start-up.
    // A recorded clock event refreshes the checklist, so `clock:<event>` steps get their due time.
    clocksModuleFromConfig(config, shippedRegimes, [PLAYBOOK_JOB_KINDS.refresh]),
  ];
}

/**
 * Every playbook in the configured directories (ids unique across all of them). An invalid playbook stops
 * the start-up with `file:line path: problem` for each problem, rather than failing mid-response.
 */
export function loadPlaybookDirs(dirs: readonly string[]): Playbook[] {
  const missing = dirs.filter((dir) => !existsSync(dir));
  if (missing.length > 0) throw new WardenError('config_invalid', `playbooks.dirs: no such directory: ${missing.join(', ')}`);
  const checks = checkPlaybookFiles(dirs.flatMap((dir) => listPlaybookFiles(dir)));
  const problems = checks.flatMap((c) => c.problems);
  if (problems.length > 0) throw new WardenError('config_invalid', `Invalid playbooks:\n${problems.map(formatProblem).join('\n')}`, { problems });
  return checks.flatMap((c) => (c.playbook ? [c.playbook] : []));
}
