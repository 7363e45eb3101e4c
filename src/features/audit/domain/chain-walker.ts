import { hash as sha } from 'node:crypto';
import { GENESIS_HASH } from './audit-chain.js';
import type { AuditProblem } from './audit-problem.js';
import type { Expectation } from './checkpoint-chain.js';
import { hashedBody, type StoredEntry } from './stored-entry.js';
import { quickWalk, recordCoverage, type QuickState } from './quick-walk.mjs';
import type { TimelineCoverage } from './timeline-coverage.js';
import type { ChainRow, ChainWalk, RangeWalk } from './verify-audit.js';

export { recordCoverage };

/** What the walker needs beyond the rows: the exact check's lookups and the signed checkpoints. */
export interface WalkerInput {
  entryAt(seq: number): StoredEntry;
  seqOfHash(hash: string): number | null;
  expectations: readonly Expectation[] | null;
}

/** A walk in progress: rows go in one at a time, in seq order; each is checked against the one before. */
export interface ChainWalker {
  /** The checkpoints of the empty chain; a problem when one names another head. */
  start(): AuditProblem | null;
  /** Checks a row against its predecessor and the checkpoints at its seq (the exact check when the quick one fails). */
  step(e: ChainRow): AuditProblem | null;
  /**
   * Accepts entries from `texts[from]` on, each `hash || hashed` (the SQL yields null unless both hash columns hold
   * 64 bytes and the text stands for one row only), while each is the next entry, links to the one before, hashes
   * right and matches the checkpoints at its seq; returns the index of the first it does not accept, for `step` to
   * say why from the row read the exact way.
   */
  quick(texts: readonly (string | null)[], from: number): number;
  /**
   * Takes the entries a range walk accepted when that walk started where this one stands (the entry before the
   * range, with the hash the range's first entry links to); false, changing nothing, when it did not.
   */
  adopt(range: RangeWalk): boolean;
  /** The seq the next row must have. */
  nextSeq(): number;
  /** The walk so far; with no problem, also whether a checkpoint covers more entries than the chain holds. */
  result(problem: AuditProblem | null, atEnd: boolean): ChainWalk;
}

export function chainWalker(input: WalkerInput, coverage: TimelineCoverage): ChainWalker {
  const pending = [...(input.expectations ?? [])].sort((a, b) => a.count - b.count);
  const state: QuickState = { seq: 0, hash: GENESIS_HASH, next: 0 };
  const lastMatched = (): Expectation | null => pending[state.next - 1] ?? null;
  /** The first checkpoint at `seq` that names another head, or null when all match (then they count as matched). */
  const checkpointsAt = (seq: number, head: string): AuditProblem | null => {
    for (; state.next < pending.length && pending[state.next]!.count === seq; state.next++) {
      if (pending[state.next]!.head !== head) return seq === 0 ? rewritten(pending[state.next]!, null, 1) : rewritten(pending[state.next]!, lastMatched(), seq);
    }
    return null;
  };
  return {
    start: () => checkpointsAt(0, GENESIS_HASH),
    step(e) {
      const problem = quickCheck(e, state) ? null : entryProblem(e, state, input);
      if (problem) return problem;
      const mismatch = checkpointsAt(e.seq, e.hash);
      if (mismatch) return mismatch;
      if (e.timeline !== null) recordCoverage(e.seq, e.timeline, coverage);
      state.seq = e.seq;
      state.hash = e.hash;
      return null;
    },
    quick: (texts, from) => quickWalk(texts, from, state, pending, coverage),
    adopt(range) {
      if (range.prevHash !== state.hash || range.from !== state.seq + 1) return false;
      state.seq = range.seq;
      state.hash = range.hash;
      while (state.next < pending.length && pending[state.next]!.count <= range.seq) state.next++;
      coverage.append(range.coverage);
      return true;
    },
    nextSeq: () => state.seq + 1,
    result(problem, atEnd) {
      const beyond = pending.at(-1);
      const cut = !problem && atEnd && beyond && beyond.count > state.seq ? truncated(state.seq, beyond) : null;
      return { problem: problem ?? cut, entries: state.seq, head: state.hash, lastMatched: lastMatched() };
    },
  };
}

/** The common case, decided without reading the entry whole: it is the next one, links to it, and hashes right. */
function quickCheck(r: ChainRow, prev: { seq: number; hash: string }): boolean {
  return r.hashed !== null && r.seq === prev.seq + 1 && r.prevHash === prev.hash && sha('sha256', r.hashed, 'hex') === r.hash;
}

/** Why the entry does not follow `prev`, or null when it does. */
function entryProblem(r: ChainRow, prev: { seq: number; hash: string }, input: Pick<WalkerInput, 'entryAt' | 'seqOfHash'>): AuditProblem | null {
  const expected = prev.seq + 1;
  if (r.seq !== expected) {
    const missing = r.seq - 1 === expected ? `entry ${expected} is missing` : `entries ${expected} to ${r.seq - 1} are missing`;
    return { kind: 'deleted', seq: expected, message: `${missing} (deleted): entry ${r.seq} follows entry ${prev.seq}` };
  }
  return contentProblem(input.entryAt(r.seq), prev, input.seqOfHash);
}

function contentProblem(e: StoredEntry, prev: { seq: number; hash: string }, seqOfHash: (hash: string) => number | null): AuditProblem | null {
  const from = e.prevHash === prev.hash ? null : seqOfHash(e.prevHash);
  if (hashedBody(e) === null) {
    // The content's own number M hashes it; the row now holding hash M-1 is M-1, or M itself when neighbours swapped.
    const moved = from === null ? undefined : [from + 1, from].find((s) => s !== e.seq && hashedBody(e, s) !== null);
    if (moved !== undefined) return { kind: 'reordered', seq: e.seq, message: `entry ${e.seq} holds entry ${moved}'s content: entries were swapped or moved` };
    return { kind: 'edited', seq: e.seq, message: `entry ${e.seq} (${e.action} at ${e.at}) was edited: its content does not match its hash` };
  }
  if (e.prevHash === prev.hash) return null;
  if (from !== null) return { kind: 'reordered', seq: e.seq, message: `entry ${e.seq} follows entry ${from}, not entry ${prev.seq}: entries were swapped or moved` };
  return {
    kind: 'edited',
    seq: prev.seq,
    message: `entry ${prev.seq} was edited and its hash recomputed: entry ${e.seq} still links to its original hash`,
  };
}

function rewritten(at: Expectation, lastMatched: Expectation | null, seq: number): AuditProblem {
  const after = lastMatched ? `after entry ${lastMatched.count} (which matches the checkpoint on line ${lastMatched.line})` : 'from the first entry';
  return {
    kind: 'rewritten',
    seq,
    message: `entry ${seq} does not match the checkpoint signed at ${at.at} (line ${at.line}): the chain was rewritten ${after}, its hashes recomputed`,
  };
}

function truncated(entries: number, beyond: Expectation): AuditProblem {
  return {
    kind: 'truncated',
    seq: entries + 1,
    message: `the chain holds ${entries} entries but the checkpoint signed at ${beyond.at} (line ${beyond.line}) covers ${beyond.count}: entries ${entries + 1} to ${beyond.count} were cut off`,
  };
}
