import { existsSync } from 'node:fs';
import { auditRepo, PROBLEM_EXIT_CODES, verifyAuditDatabase, type AuditReport } from '../../../features/audit/index.js';
import { lastTimelineId, timelineDigestsInWorker } from '../../../features/incidents/index.js';
import { openExistingDb, type Db } from '../../../platform/db/db.js';
import type { WardenEnv } from '../../../platform/config/index.js';
import type { CliIo } from '../config-check.js';
import { publicKeysFrom } from './keys.js';

export interface VerifyArgs {
  checkpoints?: string;
  publicKeys: string[];
}

/**
 * `warden audit verify`: the chain, the timeline and the guards of WARDEN_DB against the signed checkpoints.
 * Exit 0 when everything holds; otherwise the code of the first problem (docs/audit.md lists them).
 */
export async function runVerify(args: VerifyArgs, io: CliIo, env: WardenEnv): Promise<number> {
  const publicKeys = publicKeysFrom(args.publicKeys, env);
  const path = args.checkpoints ?? env.audit.checkpointsPath;
  if (args.checkpoints && !existsSync(args.checkpoints)) io.err(`warning: --checkpoints ${args.checkpoints} does not exist`);
  const db = openExistingDb(env.dbPath, { readonly: true });
  try {
    // The timeline is hashed on a second thread while this one walks the chain, both up to one snapshot's ends.
    const { head, upTo } = verifySnapshot(db);
    const report = await verifyAuditDatabase(db, { checkpoints: path, publicKeys, head, timeline: timelineDigestsInWorker(env.dbPath, { upTo }) });
    return printReport(report, io);
  } finally {
    db.close();
  }
}

/**
 * The chain's head and the newest timeline row, read in one transaction. Warden records a timeline row and its
 * audit entry in one transaction too, so what a running Warden adds while verify reads is past both ends, never
 * half in: without the bound, a row recorded meanwhile was "not recorded by Warden" (its entry after the head).
 */
function verifySnapshot(db: Db): { head: number; upTo: number } {
  return db.transaction(() => ({ head: auditRepo(db).head().count, upTo: lastTimelineId(db) }))();
}

function printReport(report: AuditReport, io: CliIo): number {
  for (const warning of report.warnings) io.err(`warning: ${warning}`);
  const [first] = report.problems;
  if (!first) {
    io.out(`audit chain ok: ${report.entries} entries, head ${report.head}`);
    const cp = report.lastCheckpoint;
    if (cp) io.out(`signed: the checkpoint of ${cp.at} (line ${cp.line}) covers entries 1 to ${cp.count}`);
    return 0;
  }
  for (const p of report.problems) io.err(`audit FAILED (${p.kind}${p.seq ? `, entry ${p.seq}` : ''}${p.line ? `, checkpoint line ${p.line}` : ''}): ${p.message}`);
  return PROBLEM_EXIT_CODES[first.kind];
}
