/**
 * Runs one `warden` command (argv) in this fresh process, then prints what it loaded as JSON on the last line:
 * `{ code, loaded }`, where `loaded` lists the heavy packages (Bolt, SQLite, pino, prom-client) found in the
 * CommonJS module cache. Spawned by lazy-imports.test.ts: a test worker's own module graph would not be fresh.
 */
import { createRequire } from 'node:module';
import { runCli } from '../../../src/cli/run-cli.js';

const HEAVY = /node_modules\/((?:@slack\/bolt)|better-sqlite3|pino|prom-client)\//;

const code = await runCli(process.argv.slice(2), { out: () => undefined, err: (s) => console.error(s) });
const loaded = new Set<string>();
for (const path of Object.keys(createRequire(import.meta.url).cache)) {
  const name = HEAVY.exec(path)?.[1];
  if (name) loaded.add(name);
}
console.log(JSON.stringify({ code, loaded: [...loaded].sort() }));
