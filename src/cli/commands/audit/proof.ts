import { auditRepo, checkpointFile, verifyAuditDatabase } from '../../../features/audit/index.js';
import type { PackFile } from '../../../features/evidence/index.js';
import { createStore } from '../../../features/incidents/index.js';
import type { Db } from '../../../platform/db/db.js';
import type { WardenEnv } from '../../../platform/config/index.js';
import { exportLine } from './export.js';
import { publicKeysFrom } from './keys.js';

/**
 * An evidence pack's proof that the incident's audit entries are in the signed chain: every entry from the
 * incident's first to the head (the incident's entries are interleaved with others, so the segment is whole),
 * the checkpoints and the public key, checkable with docs/audit.md's script alone, and what `warden audit verify`
 * said of the whole database when the pack was made.
 */
export async function auditProofOf(db: Db, env: WardenEnv, incidentId: string): Promise<PackFile[]> {
  const audit = auditRepo(db);
  const first = audit.forIncident(incidentId)[0]?.seq;
  const files: PackFile[] = [];
  if (first !== undefined) files.push({ path: 'chain-segment.jsonl', content: [...audit.stored(first)].map((e) => `${exportLine(e)}\n`).join('') });
  const path = env.audit.checkpointsPath;
  const text = path ? checkpointFile(path).read() : null;
  if (text !== null) files.push({ path: 'checkpoints.jsonl', content: text });
  const publicKeys = publicKeysFrom([], env);
  if (publicKeys[0]) files.push({ path: 'public-key.pem', content: String(publicKeys[0].export({ type: 'spki', format: 'pem' })) });
  const report = await verifyAuditDatabase(db, { checkpoints: path, publicKeys, timeline: createStore(db).timeline.digests() });
  files.push({ path: 'verification.json', content: `${JSON.stringify({ ...report, note: 'warden audit verify on the whole database when the pack was made' }, null, 2)}\n` });
  return files;
}
