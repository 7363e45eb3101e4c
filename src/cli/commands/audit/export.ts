import { auditRepo, entryBody, type StoredEntry } from '../../../features/audit/index.js';
import { openExistingDb } from '../../../platform/db/db.js';
import { WardenError } from '../../../platform/errors.js';
import type { WardenEnv } from '../../../platform/config/index.js';
import type { CliIo } from '../config-check.js';

/**
 * One exported entry: its fields, and `body`, the exact text its hash covers (after the previous hash and a
 * newline), so a verifier needs no canonical-JSON implementation of its own, only to check that `body` says
 * what the fields say (docs/audit.md does it with jq).
 */
export function exportLine(e: StoredEntry): string {
  const details = JSON.parse(e.details) as Record<string, unknown>;
  const body = entryBody(e.seq, { at: e.at, actor: e.actor, action: e.action, incidentId: e.incidentId, details });
  return JSON.stringify({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, incidentId: e.incidentId, details, prevHash: e.prevHash, hash: e.hash, body });
}

/** `warden audit export [--since] [--until]`: the entries written in the period as JSON lines, oldest first. */
export function runExport(args: { since?: string; until?: string }, io: CliIo, env: WardenEnv): number {
  const since = instantArg('--since', args.since);
  const until = instantArg('--until', args.until);
  if (since && until && since.getTime() >= until.getTime()) throw new WardenError('bad_input', '--since must be before --until');
  const db = openExistingDb(env.dbPath, { readonly: true });
  try {
    const audit = auditRepo(db);
    const range = audit.seqRange(since, until);
    if (range) for (const e of audit.stored(range.first, range.last)) io.out(exportLine(e));
    return 0;
  } finally {
    db.close();
  }
}

/** A date (`2026-11-01`, midnight UTC) or an instant with its zone (`2026-11-01T09:00:00Z`). */
function instantArg(name: string, text: string | undefined): Date | null {
  if (text === undefined) return null;
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(text) || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text);
  const at = new Date(text);
  if (!ok || Number.isNaN(at.getTime())) throw new WardenError('bad_input', `${name} ${text}: expected a date like 2026-11-01 or an instant like 2026-11-01T09:00:00Z`);
  return at;
}
