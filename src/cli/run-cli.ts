// Every command is imported when it runs, never here: `warden deadlines` must not load Bolt, the database or
// every feature's configuration to print a table (issue 15: one call from the shell under a second).
import { isWardenError } from '../platform/errors.js';
import type { CliIo } from './commands/config-check.js';

const USAGE = `usage: warden <command>

  start               serve Slack (HTTP on HOST:PORT, or Socket Mode when SLACK_APP_TOKEN is set)
  demo                play a scripted incident against a local Slack stand-in (no workspace needed)
  migrate             apply database migrations to WARDEN_DB
  config check [PATH] validate warden.yaml and the environment
  playbooks check [PATH...]  validate playbook files
  deadlines --regime ID --event EVENT=ISO [...] [--entity NAME] [--json]  compute a regime's notification deadlines
  audit verify [--checkpoints FILE] [--public-key KEY]  verify the audit chain against its signed checkpoints
  audit export [--since] [--until]  the audit entries as JSON lines, re-verifiable with openssl and jq (docs/audit.md)
  audit keygen --out FILE  a new checkpoint signing key (prints the public key)
  audit checkpoint    sign a checkpoint of the audit chain now
  backup PATH         an online backup of WARDEN_DB (safe while Warden runs), with PATH.sha256 beside it
  backup list [--json]  the backups recorded, newest first (manual and scheduled)
  restore PATH        check a backup, then replace WARDEN_DB with it (stop Warden first; the old one is kept aside)
  restore --check PATH  the restore drill: every check and a trial restore, replacing nothing; says how old the data is
  metrics --since 30d|DATE [--until DATE] [--json]  MTTA, MTTR and time to legal submission, per severity
  evidence INC-… [--out DIR]  write an incident's evidence pack for auditors (summary, JSON, MANIFEST.sha256)
  patch import FILE --owner U… [--asset NAME] [--json]  import a scanner report (npm audit, Trivy, SARIF, OSV-Scanner)
  patch kev import FILE  load CISA's Known Exploited Vulnerabilities catalog`;

const consoleIo: CliIo = { out: (s) => console.log(s), err: (s) => console.error(s) };

/** What a caller other than the shell may add: `stop` ends `warden start` (a test's), besides SIGTERM and SIGINT. */
export interface CliOptions {
  stop?: AbortSignal;
}

/** Dispatches `warden <command>`; returns the exit code. Coded errors print their message, never a stack. */
export async function runCli(argv: string[], io: CliIo = consoleIo, env: NodeJS.ProcessEnv = process.env, options: CliOptions = {}): Promise<number> {
  const [command, sub, ...rest] = argv;
  try {
    switch (command) {
      case 'start':
        return await (await import('./commands/start.js')).runStart(io, env, options.stop);
      case 'demo':
        return await (await import('./demo/run-demo.js')).runDemo(io);
      case 'migrate':
        return (await import('./commands/db-commands.js')).runMigrate(io, env);
      case 'config':
        return sub === 'check' ? (await import('./commands/config-check.js')).runConfigCheck(rest, io, env) : usage(io, `unknown: warden config ${sub ?? ''}`);
      case 'playbooks':
        return sub === 'check' ? await playbooksCheck(rest, io, env) : usage(io, `unknown: warden playbooks ${sub ?? ''}`);
      case 'deadlines':
        return (await import('./commands/deadlines.js')).runDeadlines(argv.slice(1), io, ['regimes'], new Date(), env);
      case 'metrics':
        return (await import('./commands/metrics.js')).runMetrics(argv.slice(1), io, env, new Date());
      case 'evidence':
        return await (await import('./commands/evidence.js')).runEvidence(argv.slice(1), io, env, new Date());
      case 'patch':
        return (await import('./commands/patch.js')).runPatch(argv.slice(1), io, env, new Date());
      case 'backup':
        return await (await import('./commands/backup.js')).runBackup(argv.slice(1), io, env, () => new Date());
      case 'restore':
        return await (await import('./commands/backup.js')).runRestore(argv.slice(1), io, env, () => new Date());
      case 'audit':
        return await (await import('./commands/audit/index.js')).runAudit(argv.slice(1), io, env, new Date());
      case undefined:
      case 'help':
      case '--help':
        io.out(USAGE);
        return 0;
      default:
        return usage(io, `unknown command: ${command}`);
    }
  } catch (error) {
    if (isWardenError(error)) {
      io.err(`warden: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

/** Playbooks may name only the severities and roles warden.yaml configures. */
async function playbooksCheck(paths: string[], io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
  const [{ runPlaybooksCheck }, { loadConfig, vocabularyOf }] = await Promise.all([import('./commands/playbooks-check.js'), import('../config/index.js')]);
  return runPlaybooksCheck(paths, io, 'playbooks', vocabularyOf(loadConfig(env.WARDEN_CONFIG?.trim() || undefined).config));
}

function usage(io: CliIo, problem: string): number {
  io.err(`${problem}\n\n${USAGE}`);
  return 2;
}

