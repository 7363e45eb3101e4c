import { hash as sha } from 'node:crypto';
import { GENESIS_HASH } from './audit-chain.js';
import type { AuditProblem } from './audit-problem.js';
import type { Expectation } from './checkpoint-chain.js';
import { hashedBody, type StoredEntry } from './stored-entry.js';

/** The key under which an audit entry's details carry the timeline row it recorded: `{ id, sha256 }`. */
export const TIMELINE_ENTRY = 'timelineEntry';

/**
 * One entry as the walk reads it: `hashed` is the previous hash, a newline and the canonical body as the stored
 * text gives it (built by the database, see the audit repo's `chainRows`), and `timeline` the details when they
 * carry a timeline row's hash. An entry whose `hashed` does not match is read whole and checked the exact way.
 */
export interface ChainRow {
  seq: number;
  prevHash: string;
  hash: string;
  hashed: string;
  timeline: string | null;
}

/** A timeline row's identity and the SHA-256 of its stored columns (the incident core's `timelineHash`). */
export interface TimelineDigest {
  id: number;
  incidentId: string;
  sha256: string;
}

export interface AuditInput {
  entries: Iterable<ChainRow>;
  /** The whole stored entry, for the exact check of one whose quick check failed. */
  entryAt(seq: number): StoredEntry;
  /** The seq of the entry with this hash (an indexed lookup), to tell a moved entry from an edited one. */
  seqOfHash(hash: string): number | null;
  /** What the verified checkpoints say; null when no checkpoints are in use. */
  expectations: readonly Expectation[] | null;
}

export interface ChainWalk {
  problem: AuditProblem | null;
  entries: number;
  head: string;
  /** The last checkpoint the chain matched. */
  lastMatched: Expectation | null;
}

/** The timeline rows the chain vouches for: each row's hash and the entry that recorded it, by row id. */
export type TimelineCoverage = Map<number, { sha256: string; seq: number }>;

/**
 * Walks the chain from the first entry, checking each against its predecessor and every signed checkpoint, and
 * collects the timeline hashes the entries carry (for `checkTimeline`). Stops at the first broken entry: what
 * follows a break cannot be trusted to say anything.
 */
export function walkAuditChain(input: AuditInput): { walk: ChainWalk; coverage: TimelineCoverage } {
  const coverage: TimelineCoverage = new Map();
  return { walk: walkChain(input, coverage), coverage };
}

function walkChain(input: AuditInput, coverage: TimelineCoverage): ChainWalk {
  const pending = [...(input.expectations ?? [])].sort((a, b) => a.count - b.count);
  let next = 0;
  let lastMatched: Expectation | null = null;
  let prev: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH };
  const result = (problem: AuditProblem | null): ChainWalk => ({ problem, entries: prev.seq, head: prev.hash, lastMatched });
  for (; next < pending.length && pending[next]!.count === 0; next++) {
    if (pending[next]!.head !== GENESIS_HASH) return result(rewritten(pending[next]!, null, 1));
    lastMatched = pending[next]!;
  }
  for (const e of input.entries) {
    const problem = quickCheck(e, prev) ? null : entryProblem(e, prev, input);
    if (problem) return result(problem);
    for (; next < pending.length && pending[next]!.count === e.seq; next++) {
      if (pending[next]!.head !== e.hash) return result(rewritten(pending[next]!, lastMatched, e.seq));
      lastMatched = pending[next]!;
    }
    if (e.timeline !== null) recordCoverage(e.seq, e.timeline, coverage);
    prev = e;
  }
  const beyond = pending.at(-1);
  if (beyond && beyond.count > prev.seq) return result(truncated(prev.seq, beyond));
  return result(null);
}

/** The common case, decided without reading the entry whole: it is the next one, links to it, and hashes right. */
function quickCheck(r: ChainRow, prev: { seq: number; hash: string }): boolean {
  return r.seq === prev.seq + 1 && r.prevHash === prev.hash && sha('sha256', r.hashed, 'hex') === r.hash;
}

/** Why the entry does not follow `prev`, or null when it does. */
function entryProblem(r: ChainRow, prev: { seq: number; hash: string }, input: Pick<AuditInput, 'entryAt' | 'seqOfHash'>): AuditProblem | null {
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


// Details are stored canonical, so the object reads exactly so (keys sorted): no JSON.parse per entry.
const TIMELINE_PATTERN = /"timelineEntry":\{"id":(\d+),"sha256":"([0-9a-f]{64})"\}/;

function recordCoverage(seq: number, details: string, coverage: TimelineCoverage): void {
  const found = TIMELINE_PATTERN.exec(details);
  if (found) coverage.set(Number(found[1]), { sha256: found[2]!, seq });
}

/** Every timeline row must match the hash its audit entry recorded, and every recorded row must still exist. */
export function checkTimeline(rows: Iterable<TimelineDigest>, coverage: TimelineCoverage): AuditProblem[] {
  const problems: AuditProblem[] = [];
  const report = (message: string, seq?: number) => problems.length === 0 && problems.push({ kind: 'timeline', ...(seq ? { seq } : {}), message });
  for (const row of rows) {
    const recorded = coverage.get(row.id);
    coverage.delete(row.id);
    if (!recorded) report(`timeline entry ${row.id} of ${row.incidentId} has no audit entry: it was added outside Warden`);
    else if (recorded.sha256 !== row.sha256) report(`timeline entry ${row.id} of ${row.incidentId} was edited: it no longer matches audit entry ${recorded.seq}`, recorded.seq);
  }
  const [gone] = coverage;
  if (gone) report(`timeline entry ${gone[0]} recorded by audit entry ${gone[1].seq} was deleted`, gone[1].seq);
  return problems;
}
