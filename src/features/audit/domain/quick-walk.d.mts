/** Something that notes which timeline row an entry vouches for. */
export interface CoverageSink {
  /** Records row `id` for entry `seq` when `text` holds 64 lower-case hex digits from `at`; false when it does not. */
  recordHex(id: number, text: string, at: number, seq: number): boolean;
}

/** Coverage records as a worker posts them: row ids, entry numbers, and hash i at bytes 64i to 64i+64 of `shas`. */
export interface PackedCoverage {
  ids: Float64Array;
  seqs: Float64Array;
  shas: Uint8Array;
}

export class CoverageRecords implements CoverageSink {
  /** How many rows are recorded: the first `count` of `ids`, `seqs` and 64-byte runs of `shas`. */
  protected count: number;
  protected ids: Float64Array;
  protected seqs: Float64Array;
  protected shas: Buffer;
  record(id: number, sha256: string, seq: number): void;
  recordHex(id: number, text: string, at: number, seq: number): boolean;
  append(packed: PackedCoverage): void;
  packed(): { ids: Float64Array; seqs: Float64Array; shas: Uint8Array };
}

export function recordCoverage(seq: number, text: string, coverage: CoverageSink, from?: number): void;

/** Where a walk stands: the last entry accepted, and the first pending checkpoint not passed yet. */
export interface QuickState {
  seq: number;
  hash: string;
  next: number;
}

export function quickWalk(
  texts: readonly (string | null)[],
  from: number,
  state: QuickState,
  pending: readonly { count: number; head: string }[],
  coverage: CoverageSink,
): number;

/** Entries `from` to `to` read by a plucked QUICK_PAGE_SQL statement; one null each when one holds a BLOB. */
export function quickPage(page: { all(from: number, to: number): unknown[] }, from: number, to: number): (string | null)[];
