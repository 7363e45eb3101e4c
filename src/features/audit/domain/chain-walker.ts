import { hash as sha } from 'node:crypto';
import { GENESIS_HASH } from './audit-chain.js';
import type { AuditProblem } from './audit-problem.js';
import type { Expectation } from './checkpoint-chain.js';
import { hashedBody, type StoredEntry } from './stored-entry.js';
import type { TimelineCoverage } from './timeline-coverage.js';
import type { ChainRow, ChainWalk } from './verify-audit.js';

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
   * Accepts the next entry from `text`, its `hash || hashed` (the SQL yields null unless both hash columns hold
   * 64 characters), when it is entry prev + 1, links to prev, hashes right and matches the checkpoints at its
   * seq; otherwise returns false and changes nothing, for `step` to say why from the row read the exact way.
   */
  quick(text: string | null): boolean;
  /** The seq the next row must have. */
  nextSeq(): number;
  /** The walk so far; with no problem, also whether a checkpoint covers more entries than the chain holds. */
  result(problem: AuditProblem | null, atEnd: boolean): ChainWalk;
}

// Details are stored canonical, so the object reads exactly so (keys sorted): no JSON.parse per entry, and no
// regular expression either (it cost a sixth of the walk): `"timelineEntry":{"id":<digits>,"sha256":"<64 hex>"}`.
const TIMELINE_OPEN = '"timelineEntry":{"id":';
const SHA_OPEN = ',"sha256":"';
const HEX = 64;

/** Notes the timeline row an entry vouches for (from its details, or its whole hashed text, which holds them). */
export function recordCoverage(seq: number, text: string, coverage: TimelineCoverage): void {
  for (let at = text.indexOf(TIMELINE_OPEN); at >= 0; at = text.indexOf(TIMELINE_OPEN, at + 1)) {
    const idFrom = at + TIMELINE_OPEN.length;
    let idTo = idFrom;
    while (isDigit(text.charCodeAt(idTo))) idTo++;
    const shaFrom = idTo + SHA_OPEN.length;
    if (idTo > idFrom && text.startsWith(SHA_OPEN, idTo) && isHex(text, shaFrom) && text.startsWith('"}', shaFrom + HEX)) {
      coverage.record(Number(text.slice(idFrom, idTo)), text.slice(shaFrom, shaFrom + HEX), seq);
      return;
    }
  }
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** 64 lower-case hex digits from `from`. */
function isHex(text: string, from: number): boolean {
  if (text.length < from + HEX) return false;
  for (let i = from; i < from + HEX; i++) {
    const c = text.charCodeAt(i);
    if (!(isDigit(c) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

export function chainWalker(input: WalkerInput, coverage: TimelineCoverage): ChainWalker {
  const pending = [...(input.expectations ?? [])].sort((a, b) => a.count - b.count);
  let next = 0;
  let lastMatched: Expectation | null = null;
  let prev: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH };
  /** The first checkpoint at `seq` that names another head, or null when all match (then they count as matched). */
  const checkpointsAt = (seq: number, head: string): AuditProblem | null => {
    for (; next < pending.length && pending[next]!.count === seq; next++) {
      if (pending[next]!.head !== head) return seq === 0 ? rewritten(pending[next]!, null, 1) : rewritten(pending[next]!, lastMatched, seq);
      lastMatched = pending[next]!;
    }
    return null;
  };
  return {
    start: () => checkpointsAt(0, GENESIS_HASH),
    step(e) {
      const problem = quickCheck(e, prev) ? null : entryProblem(e, prev, input);
      if (problem) return problem;
      const mismatch = checkpointsAt(e.seq, e.hash);
      if (mismatch) return mismatch;
      if (e.timeline !== null) recordCoverage(e.seq, e.timeline, coverage);
      prev = e;
      return null;
    },
    quick(text) {
      const seq = prev.seq + 1;
      if (text === null || text.charCodeAt(128) !== 10 || !text.startsWith(prev.hash, 64) || !text.endsWith(`,"seq":${seq}}`)) return false;
      const hashed = text.slice(64);
      const hash = sha('sha256', hashed, 'hex');
      if (!text.startsWith(hash)) return false;
      for (let i = next; i < pending.length && pending[i]!.count === seq; i++) if (pending[i]!.head !== hash) return false;
      checkpointsAt(seq, hash);
      recordCoverage(seq, hashed, coverage);
      prev = { seq, hash };
      return true;
    },
    nextSeq: () => prev.seq + 1,
    result(problem, atEnd) {
      const beyond = pending.at(-1);
      const cut = !problem && atEnd && beyond && beyond.count > prev.seq ? truncated(prev.seq, beyond) : null;
      return { problem: problem ?? cut, entries: prev.seq, head: prev.hash, lastMatched };
    },
  };
}

/** The common case, decided without reading the entry whole: it is the next one, links to it, and hashes right. */
function quickCheck(r: ChainRow, prev: { seq: number; hash: string }): boolean {
  return r.seq === prev.seq + 1 && r.prevHash === prev.hash && sha('sha256', r.hashed, 'hex') === r.hash;
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
