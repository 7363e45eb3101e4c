/**
 * Evidence packs for auditors (`warden evidence INC-…`): the record of one incident as files an auditor can
 * read (summary.md), process (JSON) and check (MANIFEST.sha256). Its own feature, not part of audit/: it reads
 * incidents, which import audit, so living there would make a cycle.
 */
export { buildEvidencePack, type EvidencePackOptions, type WrittenPack } from './app/build-evidence-pack.js';
export { evidenceSourcesOf, type EvidenceSources } from './app/evidence-sources.js';
export type { AuditProof, PackFile } from './domain/evidence-facts.js';
