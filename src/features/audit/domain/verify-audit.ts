import { GENESIS_HASH } from './audit-chain.js';
import type { AuditProblem } from './audit-problem.js';
import type { Expectation } from './checkpoint-chain.js';
import { hashedBody, type StoredEntry } from './stored-entry.js';

/** A timeline row's identity and the SHA-256 of its stored columns (the incident core's `timelineHash`). */
export interface TimelineDigest {
  id: number;
  incidentId: string;
  sha256: string;
}

export interface AuditInput {
  entries: Iterable<StoredEntry>;
  /** The seq of the entry with this hash (an indexed lookup), to tell a moved entry from an edited one. */
  seqOfHash(hash: string): number | null;
  /** What the verified checkpoints say; null when no checkpoints are in use. */
  expectations: readonly Expectation[] | null;
  timeline: Iterable<TimelineDigest>;
}

export interface ChainWalk {
  problem: AuditProblem | null;
  entries: number;
  head: string;
  /** The last checkpoint the chain matched. */
  lastMatched: Expectation | null;
}

interface Coverage {
  sha256: string;
  seq: number;
}

/**
 * Walks the chain from the first entry, checking each against its predecessor and every signed checkpoint,
 * then the timeline against the hashes its audit entries recorded. Stops at the first broken entry: what
 * follows a break cannot be trusted to say anything.
 */
export function verifyAuditChain(input: AuditInput): { walk: ChainWalk; problems: AuditProblem[] } {
  const coverage = new Map<number, Coverage>();
  const walk = walkChain(input, coverage);
  const problems = walk.problem ? [walk.problem] : [];
  if (!walk.problem) problems.push(...checkTimeline(input.timeline, coverage));
  return { walk, problems };
}

function walkChain(input: AuditInput, coverage: Map<number, Coverage>): ChainWalk {
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
    const problem = entryProblem(e, prev, input.seqOfHash);
    if (problem) return result(problem);
    for (; next < pending.length && pending[next]!.count === e.seq; next++) {
      if (pending[next]!.head !== e.hash) return result(rewritten(pending[next]!, lastMatched, e.seq));
      lastMatched = pending[next]!;
    }
    if (e.details.includes(TIMELINE_KEY)) recordCoverage(e, coverage);
    prev = e;
  }
  const beyond = pending.at(-1);
  if (beyond && beyond.count > prev.seq) return result(truncated(prev.seq, beyond));
  return result(null);
}

/** Why `e` does not follow `prev`, or null when it does. */
function entryProblem(e: StoredEntry, prev: { seq: number; hash: string }, seqOfHash: (hash: string) => number | null): AuditProblem | null {
  const expected = prev.seq + 1;
  if (e.seq !== expected) {
    const missing = e.seq - 1 === expected ? `entry ${expected} is missing` : `entries ${expected} to ${e.seq - 1} are missing`;
    return { kind: 'deleted', seq: expected, message: `${missing} (deleted): entry ${e.seq} follows entry ${prev.seq}` };
  }
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

/** The key under which an audit entry's details carry the timeline row it recorded: `{ id, sha256 }`. */
export const TIMELINE_ENTRY = 'timelineEntry';
const TIMELINE_KEY = `"${TIMELINE_ENTRY}":`;

function recordCoverage(e: StoredEntry, coverage: Map<number, Coverage>): void {
  const row = (JSON.parse(e.details) as Record<string, { id?: unknown; sha256?: unknown } | undefined>)[TIMELINE_ENTRY];
  if (typeof row?.id === 'number' && typeof row.sha256 === 'string') coverage.set(row.id, { sha256: row.sha256, seq: e.seq });
}

/** Every timeline row must match the hash its audit entry recorded, and every recorded row must still exist. */
function checkTimeline(rows: Iterable<TimelineDigest>, coverage: Map<number, Coverage>): AuditProblem[] {
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
