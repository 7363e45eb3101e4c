// The audit chain's quick check, shared by the main thread and the chain worker (chain-range-worker.mjs): plain
// JavaScript, so the worker runs it as is, from src/ or dist/, without a TypeScript loader. Types: quick-walk.d.mts.
import { Buffer } from 'node:buffer';
import { hash } from 'node:crypto';

// Details are stored canonical, so the object reads exactly so (keys sorted): no JSON.parse per entry, and no
// regular expression either (it cost a sixth of the walk): `"timelineEntry":{"id":<digits>,"sha256":"<64 hex>"}`.
const TIMELINE_OPEN = '"timelineEntry":{"id":';
const SHA_OPEN = ',"sha256":"';
const HEX = 64;
/** Where the hashed text starts in a quick text (`hash || prev_hash || "\n" || body`), and its newline. */
const HASHED_FROM = HEX;
const NEWLINE_AT = 2 * HEX;

/** How SQLite fails a quick read (QUICK_PAGE_SQL) when a column it quotes holds a BLOB, which Warden never writes. */
const BLOB_IN_JSON = 'JSON cannot hold BLOB values';

/**
 * Entries `from` to `to` as `page` (a statement of QUICK_PAGE_SQL, plucked) reads them; when one of them holds a
 * BLOB, one null per entry instead: the quick walk accepts none of them, and the exact walk reads them row by row.
 */
export function quickPage(page, from, to) {
  try {
    return page.all(from, to);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.includes(BLOB_IN_JSON)) throw error;
    return new Array(to - from + 1).fill(null);
  }
}

/**
 * The timeline rows entries vouch for, in the order recorded: row ids, entry numbers, and the hex hashes packed
 * (typed arrays, so another thread's records post and append as copies of memory).
 */
export class CoverageRecords {
  count = 0;
  ids = new Float64Array(1024);
  seqs = new Float64Array(1024);
  shas = Buffer.alloc(HEX * 1024);

  record(id, sha256, seq) {
    if (!this.recordHex(id, sha256, 0, seq)) throw new Error(`timeline row ${id}: not a lower-case hex SHA-256: ${sha256}`);
  }

  /**
   * Records row `id` for entry `seq` when `text` holds 64 lower-case hex digits from `at` (copied as they are
   * checked; false, recording nothing, when they are not). Branch-free: digits and letters alternate at random in
   * a hash, and a test per character that the CPU mispredicts cost three times as much as the rest of the check.
   */
  recordHex(id, text, at, seq) {
    if (text.length < at + HEX) return false;
    const slot = this.count;
    if (slot === this.ids.length) this.grow(2 * slot);
    const shas = this.shas;
    let bad = 0;
    for (let i = 0, to = HEX * slot; i < HEX; i++, to++) {
      const c = text.charCodeAt(at + i);
      bad |= (((c - 48) >>> 0) >= 10) & (((c - 97) >>> 0) >= 6);
      shas[to] = c;
    }
    if (bad !== 0) return false;
    this.ids[slot] = id;
    this.seqs[slot] = seq;
    this.count = slot + 1;
    return true;
  }

  /** Another walk's records, after these (a range walked on another thread, in order). */
  append(packed) {
    const from = this.count;
    const count = from + packed.ids.length;
    if (count > this.ids.length) this.grow(count);
    this.ids.set(packed.ids, from);
    this.seqs.set(packed.seqs, from);
    this.shas.set(packed.shas.subarray(0, HEX * packed.ids.length), HEX * from);
    this.count = count;
  }

  /** The records as a worker posts them (the buffers can be transferred). */
  packed() {
    return { ids: this.ids.slice(0, this.count), seqs: this.seqs.slice(0, this.count), shas: Uint8Array.prototype.slice.call(this.shas, 0, HEX * this.count) };
  }

  grow(size) {
    const ids = new Float64Array(size);
    const seqs = new Float64Array(size);
    const shas = Buffer.alloc(HEX * size);
    ids.set(this.ids.subarray(0, this.count));
    seqs.set(this.seqs.subarray(0, this.count));
    shas.set(this.shas.subarray(0, HEX * this.count));
    this.ids = ids;
    this.seqs = seqs;
    this.shas = shas;
  }
}

/** Notes the timeline row an entry vouches for (from its details, or its whole hashed text, which holds them). */
export function recordCoverage(seq, text, coverage, from = 0) {
  for (let at = openingAt(text, from); at >= 0; at = openingAt(text, at + 1)) {
    const idFrom = at + TIMELINE_OPEN.length;
    let idTo = idFrom;
    while (isDigit(text.charCodeAt(idTo))) idTo++;
    const shaFrom = idTo + SHA_OPEN.length;
    if (idTo > idFrom && text.startsWith(SHA_OPEN, idTo) && text.startsWith('"}', shaFrom + HEX) && coverage.recordHex(Number(text.slice(idFrom, idTo)), text, shaFrom, seq)) return;
  }
}

// `indexOf` of the whole opening sets up a Boyer-Moore table at every call (a third of the walk's checks): its
// one capital letter is searched for instead, and the opening compared around each one found.
const CAPITAL = TIMELINE_OPEN.indexOf('E');

/** Where the first `"timelineEntry":{"id":` at or after `from` starts, -1 when there is none. */
function openingAt(text, from) {
  for (let e = text.indexOf('E', from + CAPITAL); e >= 0; e = text.indexOf('E', e + 1)) {
    if (text.slice(e - CAPITAL, e - CAPITAL + TIMELINE_OPEN.length) === TIMELINE_OPEN) return e - CAPITAL;
  }
  return -1;
}

const isDigit = (c) => c >= 48 && c <= 57;

/** The text ends with `,"seq":<seq>}`, checked digit by digit (a template string a row cost more). */
function endsWithSeq(text, seq) {
  let at = text.length - 1;
  if (text.charCodeAt(at) !== 125) return false;
  for (let n = seq; ; n = Math.floor(n / 10)) {
    at--;
    if (text.charCodeAt(at) !== 48 + (n % 10)) return false;
    if (n < 10) break;
  }
  return text.startsWith(',"seq":', at - 7);
}

/**
 * Accepts `texts` from index `from` while each is entry `state.seq + 1`, links to `state.hash`, hashes right and
 * matches every checkpoint at its number (`pending` sorted by count, `state.next` the first not passed yet); notes
 * the timeline row each vouches for. Returns the index of the first text it does not accept (the length when it
 * accepts them all); `state` then describes the last one accepted.
 */
export function quickWalk(texts, from, state, pending, coverage) {
  let { seq, hash: prev, next } = state;
  let i = from;
  accept: for (; i < texts.length; i++) {
    const text = texts[i];
    const at = seq + 1;
    // `slice(...) ===` rather than `startsWith`: a third of the cost for a 64-character compare.
    if (text === null || text.charCodeAt(NEWLINE_AT) !== 10 || text.slice(HASHED_FROM, NEWLINE_AT) !== prev || !endsWithSeq(text, at)) break;
    const digest = hash('sha256', text.slice(HASHED_FROM), 'hex');
    if (text.slice(0, HEX) !== digest) break;
    let passed = next;
    for (; passed < pending.length && pending[passed].count === at; passed++) if (pending[passed].head !== digest) break accept;
    recordCoverage(at, text, coverage, NEWLINE_AT + 1);
    seq = at;
    prev = digest;
    next = passed;
  }
  state.seq = seq;
  state.hash = prev;
  state.next = next;
  return i;
}
