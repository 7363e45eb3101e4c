#!/usr/bin/env node
// The `warden` command. Everything it does is in run-cli.ts, so tests can call it with their own io and env.
import { runCli } from '../cli/run-cli.js';

process.exitCode = await runCli(process.argv.slice(2));
