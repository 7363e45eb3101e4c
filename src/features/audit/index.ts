/** The tamper-evident audit chain: hashing and verification (pure) and its append-only table. */
export { auditHash, canonicalJson, chainEntry, GENESIS_HASH, verifyChain, type AuditEntry, type AuditFacts, type ChainVerdict } from './domain/audit-chain.js';
export { auditRepo, type AuditRepo } from './store/audit-repo.js';
