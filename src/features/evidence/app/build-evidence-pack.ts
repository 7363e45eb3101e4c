import { join } from 'node:path';
import { auditHash, type AuditEntry } from '../../audit/index.js';
import { WardenError } from '../../../platform/errors.js';
import type { AuditProof, PackFile } from '../domain/evidence-facts.js';
import { manifestOf } from '../domain/manifest.js';
import { packJsonFiles } from '../domain/pack-json.js';
import { summaryOf } from '../domain/summary.js';
import { writePack } from '../files/write-pack.js';
import type { EvidenceSources } from './evidence-sources.js';
import { gatherEvidence, type EvidenceContext } from './gather-evidence.js';

export interface EvidencePackOptions extends EvidenceContext {
  /** The pack goes in `<outDir>/<incident id>/`. */
  outDir: string;
  /** The audit feature's checkpoint proof for the incident, written under `audit/`; none yet from the CLI. */
  auditProof?: AuditProof;
}

export interface WrittenPack {
  dir: string;
  /** Every file written, relative to `dir`, the manifest included. */
  files: string[];
}

/** `INC-2026-0042`: the only form an incident id takes, and so the only directory name a pack gets. */
const INCIDENT_ID = /^INC-\d{4}-\d{4,}$/;

/**
 * Writes the evidence pack of `incidentId`: summary.md, the JSON files, the incident's audit entries, the audit
 * proof files, and MANIFEST.sha256 over all of them. Reads the record only; never writes to the database.
 * @throws WardenError('bad_input') for a malformed id or proof path, 'not_found' for an unknown incident,
 *   'conflict' when the pack directory already exists.
 */
export function buildEvidencePack(sources: EvidenceSources, incidentId: string, opts: EvidencePackOptions): WrittenPack {
  if (!INCIDENT_ID.test(incidentId)) throw new WardenError('bad_input', `${JSON.stringify(incidentId.slice(0, 40))} is not an incident id; they look like INC-2026-0042.`);
  const evidence = gatherEvidence(sources, incidentId, opts);
  const proof = (opts.auditProof?.(incidentId) ?? []).map((f): PackFile => ({ path: `audit/${f.path}`, content: f.content }));
  const data = [...packJsonFiles(evidence), ...proof];
  const summary = summaryOf(evidence, data, auditCheck(evidence.audit, proof));
  const files = [summary, ...data];
  const all = [...files, manifestOf(files)];
  const dir = join(opts.outDir, incidentId);
  writePack(dir, all);
  return { dir, files: all.map((f) => f.path) };
}

/** What summary.md says about the audit entries: each one's own hash rechecked now, and which proof is included. */
function auditCheck(entries: readonly AuditEntry[], proof: readonly PackFile[]): string {
  const broken = entries.filter((e) => auditHash(e.prevHash, e.seq, e) !== e.hash).map((e) => e.seq);
  const hashes = entries.length === 0 ? '' : broken.length === 0
    ? 'Each entry’s hash was recomputed from its content and its previous hash when the pack was made: all match. '
    : `WARNING: the hash of entries ${broken.join(', ')} does not match their content: run \`warden audit verify\`. `;
  const proofText = proof.length > 0
    ? `The chain proof for these entries: ${proof.map((f) => f.path).sort().join(', ')}.`
    : 'No audit checkpoint proof is included in this pack: `warden audit verify` checks the whole chain on the live database.';
  return `${hashes}${proofText}`;
}
