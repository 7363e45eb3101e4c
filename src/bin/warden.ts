#!/usr/bin/env node
// The `warden` command. Everything it does is in run-cli.ts, so tests can call it with their own io and env.
import module from 'node:module';

// Node 22.1+ (the image runs 24) keeps V8's compiled code of every module on disk, so each later CLI call skips
// compiling them again; on Node 20 the function is absent and nothing changes. Enabled before run-cli is loaded.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const { runCli } = await import('../cli/run-cli.js');
process.exitCode = await runCli(process.argv.slice(2));
