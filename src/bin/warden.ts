#!/usr/bin/env node
// The `warden` command. Everything it does is in run-cli.ts, so tests can call it with their own io and env.
import module from 'node:module';

// Node 22.1+ (the image runs 24) keeps V8's compiled code of every module on disk, so each later CLI call skips
// compiling them again; on Node 20 the function is absent and nothing changes. Enabled before run-cli is loaded.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const { runCli } = await import('../cli/run-cli.js');
const code = await runCli(process.argv.slice(2));
process.exitCode = code;
// `start` has stopped (or given up waiting on a call in flight): whatever is still open must not hold the process
// past Docker's grace; the database is in WAL mode, so every committed change is on disk already.
if (process.argv[2] === 'start') process.exit(code);
