import type { KeyObject } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { Db } from '../../../platform/db/db.js';
import { WardenError } from '../../../platform/errors.js';
import type { AuditProblem } from '../domain/audit-problem.js';
import { verifyCheckpoints, type Expectation } from '../domain/checkpoint-chain.js';
import { parseCheckpointFile } from '../domain/checkpoint-file.js';
import { checkTimeline, pagedWalk, type PackedTimelineDigests, type TimelineDigest } from '../domain/verify-audit.js';
import { auditRepo, type AuditRepo } from './audit-repo.js';
import { chainRangeInWorker } from './chain-range-in-worker.js';
import { checkpointFile } from './checkpoint-file-store.js';
import { missingGuards } from './guards.js';

type TimelineDigests = Iterable<TimelineDigest> | PackedTimelineDigests;

export interface VerifyDatabaseOptions {
  /** The checkpoint file (read here; a file that does not exist holds no checkpoint); null when none is in use. */
  checkpoints: string | null;
  /** Keys that may have signed the checkpoints (an auditor passes the published one). */
  publicKeys: readonly KeyObject[];
  /**
   * The incident core's timeline rows with their hashes. A promise lets them be hashed on another thread while
   * this one walks the chain (`timelineDigestsInWorker`): the two halves of the work overlap on two cores.
   */
  timeline: TimelineDigests | Promise<TimelineDigests>;
  /**
   * The database may be an earlier state of the chain (a backup about to be restored): checkpoints beyond its
   * head are not expected of it, and one older than every checkpoint is a warning, not a problem.
   */
  earlierState?: boolean;
  /**
   * The last entry this thread walks while a worker walks the rest (`chainRangeInWorker`); null for one thread. By
   * default the middle of a chain of 20,000 entries or more when the machine has a core for each of the three
   * threads; otherwise none: below, starting a worker costs more than it saves, and on two cores the timeline's
   * worker already has the second one, so a third thread only takes turns with it (bench 3 on two cores: 301 and
   * 305 ms split against 223 and 221 ms not; 276 against 268 ms for 200,000 entries of which one in four records
   * a timeline row). An in-memory database is always walked on one thread.
   */
  split?: number | null;
  /**
   * The entry to walk to, read in one snapshot with the timeline's bound (the CLI's `verifySnapshot`): a running
   * Warden may append meanwhile, and what comes after is left to the next verify. By default the head now.
   */
  head?: number;
}

export interface AuditReport {
  problems: AuditProblem[];
  warnings: string[];
  entries: number;
  head: string;
  /** The newest checkpoint the chain matched, and how many entries came after it. */
  lastCheckpoint: Expectation | null;
  uncovered: number;
}

/**
 * Everything `warden audit verify` checks on one database: the signed checkpoints (signatures and their own
 * chain), the audit chain against them, the timeline against the hashes in the chain, and the append-only guards.
 */
export async function verifyAuditDatabase(db: Db, opts: VerifyDatabaseOptions): Promise<AuditReport> {
  const problems: AuditProblem[] = [];
  const warnings: string[] = [];
  const audit = auditRepo(db);
  const signed = checkpointExpectations(opts, problems, warnings);
  const end = opts.head ?? audit.head().count;
  const expectations = signed && opts.earlierState ? signed.filter((e) => e.count <= end) : signed;
  const { walk, coverage } = await walkChain(db, audit, end, expectations, opts.split, warnings);
  const timeline = await opts.timeline;
  problems.unshift(...(walk.problem ? [walk.problem] : checkTimeline(timeline, coverage)));
  const guards = missingGuards(db);
  if (guards.length > 0) {
    problems.push({ kind: 'guard_removed', message: `the append-only guard is gone: ${guards.join(', ')} (dropped or replaced; a database older than migration 013 lacks the timeline's)` });
  }
  if (expectations && walk.entries > 0 && expectations.length === 0) {
    const message = `no signed checkpoint covers the ${walk.entries} entries: ${opts.checkpoints ?? 'the checkpoint file'} is missing or empty`;
    if (opts.earlierState && signed && signed.length > 0) warnings.push(`the ${walk.entries} entries predate every signed checkpoint: only their own chain was checked`);
    else problems.push({ kind: 'no_checkpoints', message });
  }
  const uncovered = walk.entries - (walk.lastMatched?.count ?? 0);
  if (walk.lastMatched && uncovered > 0 && !walk.problem) warnings.push(`entries ${walk.lastMatched.count + 1} to ${walk.entries} came after the last checkpoint (signed at ${walk.lastMatched.at}) and are not signed yet`);
  return { problems, warnings, entries: walk.entries, head: walk.head, lastCheckpoint: walk.lastMatched, uncovered };
}

const SPLIT_FROM = 20_000;
/** This thread, the timeline's worker and the chain's. */
const SPLIT_CORES = 3;

/**
 * The chain walked to `end`, in two ranges when it is split: the worker's walk of the second is
 * taken only when it started where this thread's walk of the first ended, and this thread walks on from wherever
 * the worker stopped (or from the split, when the worker's walk cannot be taken), so that the first problem in
 * chain order is the one named, in the words the one-thread walk would use.
 */
async function walkChain(db: Db, audit: AuditRepo, end: number, expectations: Expectation[] | null, split: number | null | undefined, warnings: string[]) {
  const at = splitAt(db, end, split);
  const range = at === null ? null : chainRangeInWorker(db.name, at + 1, end, expectations);
  const walk = pagedWalk({ rows: audit.chainRows, entryAt: audit.entryAt, seqOfHash: audit.seqOfHash, expectations });
  const firstPassed = walk.pages(audit.chainPages(undefined, 1, at ?? end));
  if (range && !firstPassed) range.stop();
  if (range && firstPassed) {
    const walked = await range.walked;
    if (walked) walk.adopt(walked);
    else warnings.push(`the worker for entries ${at! + 1} to ${end} stopped: this thread walked them instead (the same checks, slower)`);
    walk.pages(audit.chainPages(undefined, walk.nextSeq(), end));
  }
  return walk.finish();
}

/** The last entry this thread walks when a worker walks the rest, null for one thread (see `split`). */
function splitAt(db: Db, end: number, split: number | null | undefined): number | null {
  const at = split === undefined ? (end >= SPLIT_FROM && availableParallelism() >= SPLIT_CORES ? Math.floor(end / 2) : null) : split;
  return db.memory || at === null || at <= 0 || at >= end ? null : at;
}

/** What the checkpoints say, null when none are in use; a bad checkpoint file is a problem, not an exception. */
function checkpointExpectations(opts: VerifyDatabaseOptions, problems: AuditProblem[], warnings: string[]): Expectation[] | null {
  const text = opts.checkpoints === null ? null : checkpointFile(opts.checkpoints).read();
  if (opts.publicKeys.length === 0) {
    if (text !== null) throw new WardenError('bad_input', `${opts.checkpoints}: checking the checkpoints needs the public key: --public-key FILE (or WARDEN_AUDIT_KEY)`);
    warnings.push('no checkpoints in use (no WARDEN_AUDIT_KEY, no --public-key): a cut-off or rewritten tail would not show');
    return null;
  }
  if (text === null) return [];
  const verdict = verifyCheckpoints(parseCheckpointFile(text), opts.publicKeys);
  if (!verdict.ok) {
    problems.push(verdict.problem); // the chain is still walked, against no checkpoint
    return null;
  }
  return verdict.expectations;
}
