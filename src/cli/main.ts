#!/usr/bin/env node
import { isWardenError } from '../domain/errors.js';
import { runConfigCheck, type CliIo } from './commands/config-check.js';
import { runAuditVerify, runMigrate } from './commands/db-commands.js';
import { runPlaybooksCheck } from './commands/playbooks-check.js';
import { runStart } from './commands/start.js';

const USAGE = `usage: warden <command>

  start               serve Slack (HTTP on PORT, or Socket Mode when SLACK_APP_TOKEN is set)
  demo                play a scripted incident against a local Slack stand-in (no workspace needed)
  migrate             apply database migrations to WARDEN_DB
  config check [PATH] validate warden.yaml and the environment
  playbooks check [PATH...]  validate playbook files
  deadlines --regime ID --event EVENT=ISO [...] [--json]  compute a regime's notification deadlines
  audit verify        verify the tamper-evident audit chain`;

const io: CliIo = { out: (s) => console.log(s), err: (s) => console.error(s) };

/** Dispatches `warden <command>`; returns the exit code. Coded errors print their message, never a stack. */
export async function runCli(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  try {
    switch (command) {
      case 'start':
        return await runStart(io);
      case 'demo':
        return await (await import('./demo/run-demo.js')).runDemo(io);
      case 'migrate':
        return runMigrate(io);
      case 'config':
        return sub === 'check' ? runConfigCheck(rest, io, process.env) : usage(`unknown: warden config ${sub ?? ''}`);
      case 'playbooks':
        return sub === 'check' ? runPlaybooksCheck(rest, io, 'playbooks') : usage(`unknown: warden playbooks ${sub ?? ''}`);
      case 'deadlines':
        return (await import('./commands/deadlines.js')).runDeadlines(argv.slice(1), io, ['regimes'], new Date());
      case 'audit':
        return sub === 'verify' ? runAuditVerify(io) : usage(`unknown: warden audit ${sub ?? ''}`);
      case undefined:
      case 'help':
      case '--help':
        io.out(USAGE);
        return 0;
      default:
        return usage(`unknown command: ${command}`);
    }
  } catch (error) {
    if (isWardenError(error)) {
      io.err(`warden: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

function usage(problem: string): number {
  io.err(`${problem}\n\n${USAGE}`);
  return 2;
}

const exitCode = await runCli(process.argv.slice(2));
process.exitCode = exitCode;
