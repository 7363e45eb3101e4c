/**
 * `warden patch import FILE [--owner @person|U…] [--asset NAME] [--json]` and `warden patch kev import FILE`:
 * the same use cases as `/patch import`, against the database, run by an operator at the machine.
 * Exit codes: 0 imported, 2 bad input or a refused file (named; nothing stored).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/db.js';
import { isWardenError, WardenError } from '../../../platform/errors.js';
import { createStore } from '../../incidents/index.js';
import type { PatchCore, PatchPolicy } from '../app/deps.js';
import { importKev, importLine, importReport } from '../app/import-report.js';
import { parseKevCatalog } from '../domain/import/kev-catalog.js';
import { parseScanReport } from '../domain/import/parse-scan-report.js';
import { patchRepo } from '../store/patch-repo.js';

export const PATCH_USAGE = `usage: warden patch import FILE --owner @person|U… [--asset NAME] [--json]
       warden patch kev import FILE`;

export interface PatchCliIo {
  out(s: string): void;
  err(s: string): void;
}

export interface PatchCliContext {
  db: Db;
  policy: PatchPolicy;
  managersChannel: string | null;
  clock: Clock;
}

/** `@U123`, `<@U123|x>` or `U123` as a user id; anything else is refused (the CLI has no directory to look names up). */
function ownerId(typed: string | undefined): string | null {
  if (typed === undefined) return null;
  const m = /^(?:<@|@)?([UW][A-Z0-9]{2,})(?:\|[^>]*)?>?$/.exec(typed.trim());
  if (!m?.[1]) throw new WardenError('bad_input', `--owner ${typed}: give the Slack user id (U…), as @U… or U…`);
  return m[1];
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new WardenError('bad_input', `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Runs `warden patch <args>`; returns the exit code. */
export function runPatchCli(argv: string[], io: PatchCliIo, ctx: PatchCliContext): number {
  const core: PatchCore = { store: createStore(ctx.db), clock: ctx.clock, patches: patchRepo(ctx.db), patchPolicy: ctx.policy, managersChannel: ctx.managersChannel };
  try {
    if (argv[0] === 'kev' && argv[1] === 'import' && argv.length === 3) {
      const r = importKev(core, parseKevCatalog(readText(argv[2] as string)), 'cli');
      io.out(`${r.entries} KEV entries loaded; ${r.moved.length} open finding${r.moved.length === 1 ? '' : 's'} now due earlier${r.moved.length ? `: ${r.moved.join(', ')}` : ''}`);
      return 0;
    }
    if (argv[0] !== 'import') throw new WardenError('bad_input', `unknown: warden patch ${argv.join(' ')}`);
    const { values, positionals } = parseArgs({ args: argv.slice(1), options: { owner: { type: 'string' }, asset: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true, allowPositionals: true });
    if (positionals.length !== 1) throw new WardenError('bad_input', 'name one report FILE');
    const report = parseScanReport(readText(positionals[0] as string));
    const r = importReport(core, report, { owner: ownerId(values.owner), asset: values.asset ?? null, by: 'cli' });
    const gone = r.gone.map((g) => ({ id: g.id, asset: g.asset }));
    if (values.json) io.out(JSON.stringify({ format: r.format, tool: r.tool, new: r.newIds.length, known: r.known, gone: gone.length, newIds: r.newIds, goneCandidates: gone }, null, 2));
    else {
      io.out(importLine(r));
      for (const g of gone) io.out(`  gone from this report (close it if fixed: /patch done ${g.id} <evidence>): ${g.id} on ${g.asset}`);
    }
    return 0;
  } catch (e) {
    if (!(e instanceof Error) || (isWardenError(e) ? e.code !== 'bad_input' : !(e instanceof TypeError))) throw e;
    io.err(`warden patch: ${e.message}\n${PATCH_USAGE}`);
    return 2;
  }
}
