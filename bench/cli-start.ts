/**
 * Bench 9: the compiled CLI from the shell (issue 15), each figure against a floor measured in the same run.
 *
 *  - one `warden deadlines` call (a fresh `node dist/src/bin/warden.js` process) vs `node -e ''`: what the CLI adds
 *    to Node's own start. Goal: under 1 s of wall time.
 *  - resident memory of `warden start` idle (HTTP mode, loopback, a fresh database) vs the bare Bolt app
 *    (bench/bare-bolt-app.mjs) listening the same way: what Warden adds to the Slack framework it cannot do without. Goal: under 150 MB.
 *
 * Runs the build first when a source is newer than it (scripts/build.js --if-stale). Loopback only; every process
 * it starts is stopped by its pid.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { BOT_ID, BOT_USER_ID, startSlackStandIn } from '../test/support/stand-ins/slack/index.js';
import { freePort } from '../test/support/free-port.js';
import { defaultsConfigFile } from '../test/support/defaults-config.js';
import { BARE_BOLT, buildIfStale, CLI, rssMiB, startFlags, startNode } from './child-process.js';

const DEADLINES = ['deadlines', '--regime', 'gdpr', '--event', 'became_aware=2026-03-27T10:00:00Z'];
const RUNS = 7;
const DEADLINES_GOAL_MS = 1000;
const RSS_GOAL_MIB = 150;
/** How long a started process sits idle before its memory is read (timers armed, first GC passes done). */
const IDLE_MS = 5000;
// A stand-in's token, made per run (a literal would read as a leaked one to the secret scan).
const TOKEN = `xoxb-bench-${process.pid}`;
const SECRET = `bench-cli-${process.pid}`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const holds = (ok: boolean) => (ok ? 'holds' : 'DOES NOT HOLD');

function wallMs(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
  return performance.now() - t;
}

/** Starts node with `args` and `env`, lets it idle once it printed `ready`, reads its RSS, then stops it. */
async function idleRss(args: string[], env: NodeJS.ProcessEnv, ready: string): Promise<number> {
  const child = await startNode(args, env, ready);
  try {
    await sleep(IDLE_MS);
    return rssMiB(child.pid);
  } finally {
    await child.stop();
  }
}

export async function benchCliStart(dir: string, ms: (x: number) => string, ratio: (a: number, b: number) => string): Promise<string[][]> {
  buildIfStale();
  wallMs([CLI, ...DEADLINES]); // warm the file cache for both
  wallMs(['-e', '']);
  const cli: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    cli.push(wallMs([CLI, ...DEADLINES]));
    bare.push(wallMs(['-e', '']));
  }
  const deadlines = median(cli);

  const slack = await startSlackStandIn({ token: TOKEN });
  try {
    const common = { PATH: process.env.PATH, SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl, HOST: '127.0.0.1', LOG_LEVEL: 'silent', NODE_ENV: 'production' };
    const warden = await idleRss([...startFlags(), CLI, 'start'], { ...common, PORT: String(await freePort()), WARDEN_DB: join(dir, 'cli-start.db'), WARDEN_CONFIG: defaultsConfigFile(dir) }, 'Warden listening');
    const bolt = await idleRss([BARE_BOLT], { ...common, PORT: String(await freePort()), BOT_ID, BOT_USER_ID }, 'bolt listening');
    return [
      [`warden deadlines from the shell (compiled, median of ${RUNS}) vs node -e '': goal < ${DEADLINES_GOAL_MS} ms, ${holds(deadlines < DEADLINES_GOAL_MS)}`, ms(deadlines), ms(median(bare)), ratio(deadlines, median(bare))],
      [`warden start idle RSS (npm start's node ${startFlags().join(' ')}, ${IDLE_MS / 1000} s idle) vs a bare Bolt app: goal < ${RSS_GOAL_MIB} MiB, ${holds(warden < RSS_GOAL_MIB)}`, `${warden.toFixed(0)} MiB`, `${bolt.toFixed(0)} MiB`, ratio(warden, bolt)],
    ];
  } finally {
    await slack.stop();
  }
}
