import type { AuditProblem } from './audit-problem.js';
import { CoverageRecords, type PackedCoverage } from './quick-walk.mjs';

/** A timeline row's identity and the SHA-256 of its stored columns (the incident core's `timelineHash`). */
export interface TimelineDigest {
  id: number;
  incidentId: string;
  sha256: string;
}

/**
 * Every timeline row's digest packed as a worker sends it: row i has id `ids[i]` and its hex SHA-256 at bytes
 * 64i to 64i+64 of `shas`. The incident is looked up only for the one row a problem names.
 */
export interface PackedTimelineDigests {
  ids: Float64Array;
  shas: Uint8Array;
  incidentOf(id: number): string;
}

const HEX = 64;

/**
 * The timeline rows the chain vouches for: each row's hash and the entry that recorded it, by row id. Hashes are
 * kept as bytes in one buffer, not as strings cut from each entry's text (which would keep every text alive). The
 * lookup by id is built only when the rows do not simply match the records one for one (`matchesAll`).
 */
export class TimelineCoverage extends CoverageRecords {
  private lookup: Map<number, number> | null = null;

  get size(): number {
    return this.slots().size;
  }

  /** Entry `seq` recorded row `id` with the hex hash at `at` of `text`, when it is one (a later entry for the same row replaces it). */
  override recordHex(id: number, text: string, at: number, seq: number): boolean {
    const recorded = super.recordHex(id, text, at, seq);
    if (recorded) this.lookup?.set(id, this.count - 1);
    return recorded;
  }

  /** Records another walk made of the entries after these (a range walked on another thread). */
  override append(packed: PackedCoverage): void {
    const from = this.count;
    super.append(packed);
    for (let slot = from; this.lookup !== null && slot < this.count; slot++) this.lookup.set(this.ids[slot]!, slot);
  }

  /** True when the rows are exactly the recorded ones, in the order recorded, each once and with the recorded hash. */
  matchesAll(ids: ArrayLike<number>, shas: Uint8Array): boolean {
    if (this.lookup !== null || ids.length !== this.count || shas.length !== HEX * this.count) return false;
    for (let i = 0; i < ids.length; i++) if (ids[i] !== this.ids[i]) return false;
    return this.shas.subarray(0, HEX * this.count).equals(shas);
  }

  /** The recorded hash of row `id` compared with `sha256` (bytes `at` to `at + 64` of a packed buffer); null when unrecorded. Takes the row off. */
  take(id: number, sha256: Uint8Array, at = 0): { seq: number; matches: boolean } | null {
    const slots = this.slots();
    const slot = slots.get(id);
    if (slot === undefined) return null;
    slots.delete(id);
    return { seq: this.seqs[slot]!, matches: this.shas.compare(sha256, at, at + HEX, HEX * slot, HEX * slot + HEX) === 0 };
  }

  /** The first recorded row not taken yet, in the order recorded. */
  firstLeft(): { id: number; seq: number } | null {
    const left = this.slots().entries().next();
    return left.done ? null : { id: left.value[0], seq: this.seqs[left.value[1]]! };
  }

  /** Row id to its latest record, in the order rows were first recorded (as the walk would have set them one by one). */
  private slots(): Map<number, number> {
    if (this.lookup === null) {
      this.lookup = new Map();
      for (let slot = 0; slot < this.count; slot++) this.lookup.set(this.ids[slot]!, slot);
    }
    return this.lookup;
  }
}

/** Every timeline row must match the hash its audit entry recorded, and every recorded row must still exist. */
export function checkTimeline(rows: Iterable<TimelineDigest> | PackedTimelineDigests, coverage: TimelineCoverage): AuditProblem[] {
  let problem: AuditProblem | null = null;
  const report = (id: number, incident: () => string, recorded: { seq: number; matches: boolean } | null) => {
    if (!recorded) problem = { kind: 'timeline', message: `timeline entry ${id} of ${incident()} has no audit entry: it was added outside Warden` };
    else if (!recorded.matches) problem = { kind: 'timeline', seq: recorded.seq, message: `timeline entry ${id} of ${incident()} was edited: it no longer matches audit entry ${recorded.seq}` };
  };
  if (Symbol.iterator in rows) {
    for (const row of rows) if (!problem) report(row.id, () => row.incidentId, coverage.take(row.id, Buffer.from(row.sha256, 'latin1')));
  } else {
    const { ids, shas, incidentOf } = rows;
    if (coverage.matchesAll(ids, shas)) return [];
    for (let i = 0; i < ids.length && !problem; i++) report(ids[i]!, () => incidentOf(ids[i]!), coverage.take(ids[i]!, shas, HEX * i));
  }
  const gone = coverage.firstLeft();
  if (!problem && gone) problem = { kind: 'timeline', seq: gone.seq, message: `timeline entry ${gone.id} recorded by audit entry ${gone.seq} was deleted` };
  return problem ? [problem] : [];
}
