import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDb, type Migration } from '../../../platform/db/db.js';
import type { AuditCheck, BackupInspector } from '../domain/ports.js';
import type { Inspection } from '../domain/backup.js';
import { auditHeadOf, integrityProblem, migrationProblem, openCopy } from './read-copy.js';
import { readSidecar, sha256File, sidecarOf } from './sha256.js';
import { checkHeader } from './sqlite-header.js';

/**
 * Checks a file as a backup, cheapest and most specific first: there at all, a SQLite header, whole (its size
 * matches the header), the SHA-256 its sidecar records, `integrity_check`, migrations this Warden knows, and its
 * audit chain. Read-only throughout.
 */
export function backupInspector(known: readonly Migration[]): BackupInspector {
  const knownNames = new Map(known.map((m) => [m.version, m.name]));
  return {
    async inspect(path: string, auditCheck: AuditCheck): Promise<Inspection> {
      if (!existsSync(path)) return { ok: false, reason: 'missing', problem: `no backup at ${path}` };
      const header = checkHeader(path);
      if (header) return header;
      const sha256 = await sha256File(path);
      const recorded = readSidecar(path);
      if (recorded === 'unreadable') return { ok: false, reason: 'sha_mismatch', problem: `${sidecarOf(path)} holds no SHA-256` };
      if (recorded !== null && recorded !== sha256) return { ok: false, reason: 'sha_mismatch', problem: `${path} does not match ${sidecarOf(path)} (SHA-256 ${sha256}, recorded ${recorded})` };
      const db = openCopy(path);
      try {
        const problem = integrityProblem(db, path) ?? migrationProblem(db, path, knownNames);
        if (problem) return problem;
        const chain = await auditCheck(db);
        if (!chain.ok) return { ok: false, reason: 'audit_broken', problem: `${path}: the audit chain does not verify: ${chain.problem}` };
        const { dataAsOf } = auditHeadOf(db);
        return { ok: true, facts: { bytes: statSync(path).size, sha256, auditEntries: chain.entries, auditHead: chain.head, dataAsOf } };
      } finally {
        db.close();
      }
    },
    async trial(path: string) {
      const dir = mkdtempSync(join(tmpdir(), 'warden-restore-drill-'));
      try {
        const copy = join(dir, 'warden.db');
        copyFileSync(path, copy);
        const db = openDb(copy);
        try {
          migrate(db, known);
          const ok = db.pragma('quick_check', { simple: true });
          return ok === 'ok' ? { ok: true as const } : { ok: false as const, problem: `the restored copy fails quick_check: ${String(ok)}` };
        } finally {
          db.close();
        }
      } catch (e) {
        return { ok: false as const, problem: `the restored copy does not open and migrate: ${e instanceof Error ? e.message : String(e)}` };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
