// `npm run build`: compiles src/ and the Slack stand-in `warden demo` plays against (tsconfig.build.json) into
// dist/, from scratch so a deleted source leaves no stale module; copies what tsc does not emit (the SQL
// migrations); then writes dist/.built, the stamp `npm start` compares with the sources.
//
// `node scripts/build.js --if-stale` (npm start's prestart) builds only when a source is newer than that stamp,
// so `npm start` always runs the compiled JavaScript of the sources in front of it, with plain `node`.
// Plain JavaScript, run by node: the build must not need tsx, and a stale check must cost milliseconds.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.built');
/** What the build reads: a change to any of them makes the build stale. */
const INPUTS = ['src', 'test/support/stand-ins', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

/** The newest modification time under `path` (a file or a folder), 0 when it does not exist. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

function isStale() {
  if (!existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  return INPUTS.some((input) => newest(join(ROOT, input)) > built);
}

function build() {
  rmSync(DIST, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write('warden build: tsc failed (see above); dist/ is incomplete and will be rebuilt next time\n');
    process.exit(result.status ?? 1);
  }
  cpSync(join(ROOT, 'src'), join(DIST, 'src'), { recursive: true, filter: (p) => !p.endsWith('.ts') });
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}

if (!process.argv.includes('--if-stale') || isStale()) {
  if (process.argv.includes('--if-stale')) process.stderr.write('warden: the sources changed since the last build; building dist/ first\n');
  build();
}
