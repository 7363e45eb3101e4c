import type { AuditProblem } from './audit-problem.js';
import { chainWalker, type ChainWalker } from './chain-walker.js';
import type { Expectation } from './checkpoint-chain.js';
import type { PackedCoverage } from './quick-walk.mjs';
import type { StoredEntry } from './stored-entry.js';
import { TimelineCoverage } from './timeline-coverage.js';

export { checkTimeline, TimelineCoverage, type PackedTimelineDigests, type TimelineDigest } from './timeline-coverage.js';

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
  /** Null when the stored text could stand for more than one row (see the audit repo): the exact check decides. */
  hashed: string | null;
  timeline: string | null;
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

/**
 * Walks the chain from the first entry, checking each against its predecessor and every signed checkpoint, and
 * collects the timeline hashes the entries carry (for `checkTimeline`). Stops at the first broken entry: what
 * follows a break cannot be trusted to say anything.
 */
export function walkAuditChain(input: AuditInput): { walk: ChainWalk; coverage: TimelineCoverage } {
  const coverage: TimelineCoverage = new TimelineCoverage();
  const walker = chainWalker(input, coverage);
  return { walk: walkFrom(walker, () => walkRows(walker, input.entries)), coverage };
}

/** The walk of the empty chain's checkpoints, then of `rest`, to the end when nothing stops it. */
function walkFrom(walker: ChainWalker, rest: () => ChainWalk | null): ChainWalk {
  const problem = walker.start();
  if (problem) return walker.result(problem, false);
  return rest() ?? walker.result(null, true);
}

/** Steps the walker through `entries`: the walk when it stopped at a problem, null when all of them passed. */
function walkRows(walker: ChainWalker, entries: Iterable<ChainRow>): ChainWalk | null {
  for (const e of entries) {
    const problem = walker.step(e);
    if (problem) return walker.result(problem, false);
  }
  return null;
}

/**
 * One page of the chain as the quick walk reads it: the entries that exist up to entry `to` from the one after the
 * previous page's `to`, in order, each as `hash || hashed` (null when a hash column does not hold 64 characters).
 */
export interface ChainPage {
  to: number;
  texts: readonly (string | null)[];
}

export interface PagedAuditInput extends Omit<AuditInput, 'entries'> {
  /** Consecutive pages of entry numbers, from 1 to the last entry. */
  pages: Iterable<ChainPage>;
  /** The entries numbered `from` to `to` as `entries` gives them, read again where a page's quick check stops. */
  rows(from: number, to: number): Iterable<ChainRow>;
}

/**
 * What a walk of a range of the chain on another thread accepted (`chainRangeInWorker`): from entry `from`, whose
 * stored previous hash is `prevHash` (null when it has none of 64 characters, or the range holds no entry), up to
 * entry `seq` with hash `hash` (`from - 1` and `prevHash` when it accepted none), and the timeline rows those
 * entries vouch for. It says nothing of the entry after `seq`: the walk goes on from there the usual way.
 */
export interface RangeWalk {
  from: number;
  prevHash: string | null;
  seq: number;
  hash: string;
  coverage: PackedCoverage;
}

/**
 * The same walk as `walkAuditChain`, a page at a time: each page's texts are checked in one tight loop, and only
 * from the first one that fails are the rows read column by column and walked the exact way, so every problem
 * is found and named exactly as `walkAuditChain` names it.
 */
export function walkAuditPages(input: PagedAuditInput): { walk: ChainWalk; coverage: TimelineCoverage } {
  const walk = pagedWalk(input);
  walk.pages(input.pages);
  return walk.finish();
}

/**
 * `walkAuditPages` in steps, so that a range walked elsewhere can be taken in between: `pages` walks pages (false
 * once a problem stopped the walk), `adopt` takes a range walk that starts where this one stands, `finish` ends it.
 */
export function pagedWalk(input: Omit<PagedAuditInput, 'pages'>) {
  const coverage: TimelineCoverage = new TimelineCoverage();
  const walker = chainWalker(input, coverage);
  const startProblem = walker.start();
  let stopped: ChainWalk | null = startProblem ? walker.result(startProblem, false) : null;
  return {
    pages(pages: Iterable<ChainPage>): boolean {
      stopped ??= walkPages(walker, pages, input.rows);
      return stopped === null;
    },
    /** The seq the next entry must have. */
    nextSeq: () => walker.nextSeq(),
    adopt: (range: RangeWalk): boolean => stopped === null && walker.adopt(range),
    finish: (): { walk: ChainWalk; coverage: TimelineCoverage } => ({ walk: stopped ?? walker.result(null, true), coverage }),
  };
}

function walkPages(walker: ChainWalker, pages: Iterable<ChainPage>, rows: PagedAuditInput['rows']): ChainWalk | null {
  for (const page of pages) {
    const stoppedAt = walker.quick(page.texts, 0);
    const stopped = stoppedAt < page.texts.length ? walkRows(walker, rows(walker.nextSeq(), page.to)) : null;
    if (stopped) return stopped;
  }
  return null;
}
