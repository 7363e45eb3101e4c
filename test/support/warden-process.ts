import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './free-port.js';
import { repoPath } from './repo-path.js';

export interface WardenProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:PORT`, where it serves /slack/events, /healthz and /readyz. */
  url: string;
  /** Resolves with the exit code (null when a signal ended it). */
  exited: Promise<number | null>;
}

export interface WardenProcessOptions {
  /** The child's stdout and stderr; ignored unless given. */
  stdio?: StdioOptions;
  /** How long /readyz may take to answer 200. */
  readyMs?: number;
}

/**
 * `warden start` as its own process (bin/warden.js, as a container runs it) on loopback and a free port, with only
 * the variables in `env` (plus PATH); resolves once GET /readyz answers 200.
 * @throws when it exits first or is not ready in time (then it is killed: a test never leaves it behind).
 */
export async function startWardenProcess(env: Record<string, string | undefined>, opts: WardenProcessOptions = {}): Promise<WardenProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [repoPath('bin/warden.js'), 'start'], {
    env: { PATH: process.env.PATH, ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: opts.stdio ?? ['ignore', 'ignore', 'ignore'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + (opts.readyMs ?? 30_000);
  while (Date.now() < until && child.exitCode === null && child.signalCode === null) {
    const status = await fetch(`${url}/readyz`).then((r) => r.status, () => 0);
    if (status === 200) return { child, url, exited };
    await sleep(100);
  }
  child.kill('SIGKILL');
  const code = await exited;
  throw new Error(`warden start was not ready in ${opts.readyMs ?? 30_000} ms (exit ${code ?? child.signalCode})`);
}
