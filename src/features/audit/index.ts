/** The tamper-evident audit chain: hashing, signed checkpoints and verification (pure), and its append-only table. */
export { auditHash, canonicalJson, chainEntry, entryBody, GENESIS_HASH, type AuditEntry, type AuditFacts } from './domain/audit-chain.js';
export { checkTimeline, TIMELINE_ENTRY, TimelineCoverage, walkAuditChain, walkAuditPages, type AuditInput, type ChainPage, type ChainRow, type ChainWalk, type PackedTimelineDigests, type PagedAuditInput, type TimelineDigest } from './domain/verify-audit.js';
export { PROBLEM_EXIT_CODES, type AuditProblem, type ProblemKind } from './domain/audit-problem.js';
export { checkpointLine, checkpointMessage, keyIdOf, signCheckpoint, signatureVerifies, type Checkpoint, type CheckpointFacts, type CheckpointKind } from './domain/checkpoint.js';
export { parseCheckpointFile, type CheckpointFileLine } from './domain/checkpoint-file.js';
export { verifyCheckpoints, type Expectation } from './domain/checkpoint-chain.js';
export type { StoredEntry } from './domain/stored-entry.js';
export { auditRepo, type AuditRepo } from './store/audit-repo.js';
export { auditFeature, type AuditOptions } from './slack/audit-feature.js';
export { checkpointFile, type CheckpointFile } from './store/checkpoint-file-store.js';
export { verifyAuditDatabase, type AuditReport, type VerifyDatabaseOptions } from './store/verify-database.js';
export { missingGuards, GUARDS } from './store/guards.js';
export { signHead } from './app/checkpointer.js';
export { signRestore } from './restore-checkpoint.js';
