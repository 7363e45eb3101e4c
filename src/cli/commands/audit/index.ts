/**
 * `warden audit <verify|export|keygen|checkpoint>`: the audit chain's maintenance commands. None creates a
 * database: a missing WARDEN_DB is an error. Exit codes: 0 ok, 1 an error, 2 bad usage, 3 to 12 what verify found.
 */
import { parseArgs } from 'node:util';
import { loadEnv } from '../../../platform/config/index.js';
import { isWardenError } from '../../../platform/errors.js';
import type { CliIo } from '../config-check.js';
import { runCheckpoint } from './checkpoint.js';
import { runExport } from './export.js';
import { runKeygen } from './keys.js';
import { runVerify } from './verify.js';

export const AUDIT_USAGE = `usage: warden audit verify [--checkpoints FILE] [--public-key KEY ...]
       warden audit export [--since DATE|INSTANT] [--until DATE|INSTANT] > audit.jsonl
       warden audit keygen --out FILE
       warden audit checkpoint`;

const OPTIONS = {
  checkpoints: { type: 'string' },
  'public-key': { type: 'string', multiple: true },
  since: { type: 'string' },
  until: { type: 'string' },
  out: { type: 'string' },
} as const;

export async function runAudit(argv: string[], io: CliIo, env: NodeJS.ProcessEnv, now: Date): Promise<number> {
  const [sub, ...rest] = argv;
  let values: { checkpoints?: string; 'public-key'?: string[]; since?: string; until?: string; out?: string };
  try {
    values = parseArgs({ args: rest, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (e) {
    io.err(`warden audit: ${(e as Error).message}\n${AUDIT_USAGE}`);
    return 2;
  }
  try {
    switch (sub) {
      case 'verify':
        return await runVerify({ ...(values.checkpoints ? { checkpoints: values.checkpoints } : {}), publicKeys: values['public-key'] ?? [] }, io, loadEnv(env));
      case 'export':
        return runExport(values, io, loadEnv(env));
      case 'keygen':
        return runKeygen(values.out, io);
      case 'checkpoint':
        return runCheckpoint(io, loadEnv(env), now);
      default:
        io.err(`unknown: warden audit ${sub ?? ''}\n${AUDIT_USAGE}`);
        return 2;
    }
  } catch (e) {
    if (isWardenError(e) && e.code === 'bad_input') {
      io.err(`warden audit ${sub}: ${e.message}\n${AUDIT_USAGE}`);
      return 2;
    }
    throw e;
  }
}
