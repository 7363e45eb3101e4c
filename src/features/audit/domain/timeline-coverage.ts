import type { AuditProblem } from './audit-problem.js';

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
 * kept as bytes in one buffer, not as strings cut from each entry's text (which would keep every text alive).
 */
export class TimelineCoverage {
  private readonly slots = new Map<number, number>();
  private readonly seqs: number[] = [];
  private shas = Buffer.alloc(HEX * 1024);

  get size(): number {
    return this.slots.size;
  }

  /** Entry `seq` recorded row `id` with this hex hash (a later entry for the same row replaces it). */
  record(id: number, sha256: string, seq: number): void {
    const slot = this.seqs.length;
    if (this.shas.length < HEX * (slot + 1)) this.shas = Buffer.concat([this.shas, Buffer.alloc(this.shas.length)]);
    this.shas.write(sha256, HEX * slot, HEX, 'latin1');
    this.seqs.push(seq);
    this.slots.set(id, slot);
  }

  /** The recorded hash of row `id` compared with `sha256` (bytes `at` to `at + 64` of a packed buffer); null when unrecorded. Takes the row off. */
  take(id: number, sha256: Uint8Array, at = 0): { seq: number; matches: boolean } | null {
    const slot = this.slots.get(id);
    if (slot === undefined) return null;
    this.slots.delete(id);
    return { seq: this.seqs[slot]!, matches: this.shas.compare(sha256, at, at + HEX, HEX * slot, HEX * slot + HEX) === 0 };
  }

  /** The first recorded row not taken yet, in the order recorded. */
  firstLeft(): { id: number; seq: number } | null {
    const left = this.slots.entries().next();
    return left.done ? null : { id: left.value[0], seq: this.seqs[left.value[1]]! };
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
    for (let i = 0; i < ids.length && !problem; i++) report(ids[i]!, () => incidentOf(ids[i]!), coverage.take(ids[i]!, shas, HEX * i));
  }
  const gone = coverage.firstLeft();
  if (!problem && gone) problem = { kind: 'timeline', seq: gone.seq, message: `timeline entry ${gone.id} recorded by audit entry ${gone.seq} was deleted` };
  return problem ? [problem] : [];
}
