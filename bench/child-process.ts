/**
 * The processes the bench starts and reads from outside: the compiled `warden start` (with npm start's node flags),
 * the bare Bolt app it is compared with, and what /proc says of them (resident memory, CPU time). Every process
 * started here is stopped by its pid.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const CLI = join('dist', 'src', 'bin', 'warden.js');
/** The bare Bolt 5.1 app (plain JavaScript: no tsx start-up): Warden's floor. */
export const BARE_BOLT = new URL('./bare-bolt-app.mjs', import.meta.url).pathname;

/** The node flags `npm start` runs the build with (package.json), so the figure is of what runs in production. */
export function startFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
  const words = (scripts.start ?? '').split(/\s+/);
  const at = words.indexOf(CLI);
  if (words[0] !== 'node' || at < 0) throw new Error(`npm start is not "node [flags] ${CLI} start": ${scripts.start}`);
  return words.slice(1, at);
}

/** Runs scripts/build.js --if-stale: dist/ is rebuilt when a source is newer than it. */
export function buildIfStale(): void {
  const built = spawnSync(process.execPath, ['scripts/build.js', '--if-stale'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the build failed');
}

/** A memory field of /proc/PID/status (`VmRSS`, `VmHWM`) in MiB; null when the file or the field is missing (not Linux). */
function procStatusMiB(pid: number, field: string): number | null {
  try {
    const kb = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/** Resident memory of a process, from /proc (Linux) or ps elsewhere, in MiB. */
export function rssMiB(pid: number): number {
  return procStatusMiB(pid, 'VmRSS') ?? Number(spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim()) / 1024;
}

/** The most resident memory the process has had since it started (VmHWM, Linux only), in MiB. */
export function peakRssMiB(pid: number): number {
  const peak = procStatusMiB(pid, 'VmHWM');
  if (peak === null) throw new Error(`/proc/${pid}/status has no VmHWM`);
  return peak;
}

let ticks: number | undefined;
/** Clock ticks a second (`getconf CLK_TCK`); 100, Linux's usual value, when getconf cannot say. */
export function clockTicks(): number {
  if (ticks === undefined) {
    const n = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim());
    ticks = Number.isInteger(n) && n > 0 ? n : 100;
  }
  return ticks;
}

/** User + system CPU time a process has used so far, in ms, from /proc/PID/stat (Linux only). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The fields after the command name (which may hold spaces, inside parentheses): utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks();
}

export interface Started {
  pid: number;
  stop(): Promise<void>;
}

/** Spawns node with `args` and resolves once it has printed `ready`; stop() sends SIGTERM and waits for the exit. */
export async function startNode(args: string[], env: NodeJS.ProcessEnv, ready: string): Promise<Started> {
  const child: ChildProcess = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    await new Promise<void>((resolve, reject) => {
      let seen = '';
      const read = (chunk: Buffer) => {
        seen += chunk.toString();
        if (!seen.includes(ready)) return;
        child.stdout?.off('data', read).resume(); // drained from now on, not kept
        resolve();
      };
      child.stdout?.on('data', read);
      child.once('exit', (code) => reject(new Error(`node ${args.join(' ')} exited ${code} before it was ready: ${seen}`)));
    });
  } catch (err) {
    await stop();
    throw err;
  }
  return { pid: child.pid as number, stop };
}

/**
 * A bench script run under tsx in a child process that answers each line written to its stdin with one line of
 * JSON (bench/paced-load.ts): out of process, so its own turns do not share the event loop being measured.
 */
export function lineChild(script: string, args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL(script, import.meta.url).pathname, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    async ask<T>(line: string): Promise<T> {
      child.stdin.write(`${line}\n`);
      const next = await lines.next();
      if (next.done) throw new Error(`${script} ended`);
      return JSON.parse(next.value as string) as T;
    },
    stop: () => child.stdin.end(),
  };
}
