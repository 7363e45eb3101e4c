/** `warden playbooks check [PATH...]`: validates playbook files the way the bot does at boot. */
import { existsSync } from 'node:fs';
import { checkPlaybookFiles, expandPlaybookPaths } from '../../features/playbooks/files/load-playbooks.js';
import { formatProblem } from '../../platform/yaml-validate.js';
import type { IncidentVocabulary } from '../../features/incidents/domain/vocabulary.js';

export interface CheckIo {
  out(s: string): void;
  err(s: string): void;
}

const USAGE = `usage: warden playbooks check [PATH...]
Checks every playbook in PATH (files or directories; default: the playbooks directory).
Prints "ok  <file>  <id>  <N steps>" per valid file and "file:line path: problem" per problem.`;

/**
 * Runs the check and returns the exit code (severities and roles are checked against `vocabulary`,
 * warden.yaml's; the defaults when not given): 0 when every playbook is valid, 1 when any problem was found
 * (or there was nothing to check), 2 for a bad command line.
 */
export function runPlaybooksCheck(argv: string[], io: CheckIo, defaultDir: string, vocabulary?: IncidentVocabulary): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  const option = argv.find((a) => a.startsWith('-'));
  if (option) {
    io.err(`unknown option ${option}\n${USAGE}`);
    return 2;
  }
  const paths = argv.length > 0 ? argv : [defaultDir];
  const missing = paths.filter((p) => !existsSync(p));
  missing.forEach((p) => io.err(`${p}: no such file or directory`));
  const files = expandPlaybookPaths(paths.filter((p) => existsSync(p)));
  if (files.length === 0) {
    if (missing.length === 0) io.err(`no playbook files (*.yaml, *.yml) in ${paths.join(', ')}`);
    return 1;
  }
  let failed = missing.length > 0;
  for (const check of checkPlaybookFiles(files, vocabulary)) {
    if (check.playbook) {
      const n = check.playbook.steps.length;
      io.out(`ok  ${check.file}  ${check.playbook.id}  ${n} ${n === 1 ? 'step' : 'steps'}`);
    } else {
      failed = true;
      check.problems.forEach((p) => io.err(formatProblem(p)));
    }
  }
  return failed ? 1 : 0;
}
