import { canonicalJson, chainEntry, type AuditEntry, type AuditFacts } from '../domain/audit-chain.js';
import type { StoredEntry } from '../domain/stored-entry.js';
import { quickPage } from '../domain/quick-walk.mjs';
import type { ChainPage, ChainRow } from '../domain/verify-audit.js';
import type { Db } from '../../../platform/db/db.js';

const CHAIN_PAGE = 5000;
/** Entries a quick page holds: 2,000 walk 5% faster than 5,000 (less of each page to copy at every minor GC). */
export const QUICK_PAGE = 2000;
/**
 * The hashed bytes as the stored text gives them, for the row-by-row read after the quick walk stopped: the previous
 * hash, a newline and the canonical body, joined with `||`, which reads any column (a BLOB too) as text.
 */
const HASHED = `prev_hash || char(10) || '{"action":"' || action || '","actor":"' || actor || '","at":"' || at || '","details":' || details
  || ',"incidentId":' || coalesce('"' || incident_id || '"', 'null') || ',"seq":' || seq || '}'`;
/**
 * When that text stands for one row only. The columns go into it unescaped, so a double quote in one would let an
 * attacker move text between columns and keep the hash: details ending early, the rest of them in incident_id, say,
 * when the details hold an `incidentId` key. Warden writes no quote in these four columns, and without one every
 * column's bounds in the text are fixed; a row with one is checked the exact way (JSON-parsed), which such a move
 * does not pass.
 */
const ONE_READING = `instr(action, '"') = 0 AND instr(actor, '"') = 0 AND instr(at, '"') = 0 AND coalesce(instr(incident_id, '"'), 0) = 0`;

/**
 * What the quick walk reads, one string a row (each column costs as much to read as the hashing): `hash ||
 * prev_hash || "\n" || body` for entries `?` to `?`, in order, the body the canonical JSON that SQLite builds from
 * the stored columns in one `concat`. `json_quote` escapes a string exactly as `JSON.stringify` does (checked for
 * every character), so the text stands for one row only: a quote inside a column is escaped and cannot end it, no
 * text can move from one column to another, and a number or null reads differently from any string. It cannot
 * quote a BLOB and fails the read instead (see `quickPage`). Only a hash and a previous hash of 64 bytes give a text,
 * so the walk can take each at its fixed place (`octet_length` is stored, `length` counts characters; one with fewer
 * characters than bytes cannot pass the walk's comparison with hex digests anyway).
 */
export const QUICK_PAGE_SQL = `SELECT CASE WHEN octet_length(hash) = 64 AND octet_length(prev_hash) = 64 THEN concat(hash, prev_hash, char(10),
    '{"action":', json_quote(action), ',"actor":', json_quote(actor), ',"at":', json_quote(at), ',"details":', details,
    ',"incidentId":', json_quote(incident_id), ',"seq":', seq, '}') END
  FROM audit_log WHERE seq BETWEEN ? AND ? ORDER BY seq`;

interface Row {
  seq: number;
  at: string;
  actor: string;
  action: string;
  incident_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

const toEntry = (r: Row): AuditEntry => ({
  seq: r.seq,
  at: r.at,
  actor: r.actor,
  action: r.action,
  incidentId: r.incident_id,
  details: JSON.parse(r.details) as Record<string, unknown>,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** The append-only audit chain. `append` must run inside the transaction of the change it records. */
export function auditRepo(db: Db) {
  // Only what the next entry chains from: the last entry's details (the longest column) are not read at every append.
  const head = db.prepare<[], Pick<Row, 'seq' | 'hash'>>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare(`INSERT INTO audit_log (seq, at, actor, action, incident_id, details, prev_hash, hash)
    VALUES (@seq, @at, @actor, @action, @incidentId, @details, @prevHash, @hash)`);
  const forIncident = db.prepare<[string], Row>('SELECT * FROM audit_log WHERE incident_id = ? ORDER BY seq');
  const stored = db.prepare<[number, number], StoredEntry>(
    'SELECT seq, at, actor, action, incident_id AS incidentId, details, prev_hash AS prevHash, hash FROM audit_log WHERE seq BETWEEN ? AND ? ORDER BY seq',
  );
  // The canonical body as the stored text gives it, concatenated by SQLite (one string per row instead of six).
  const chain = db
    .prepare<[number, number, number], [number, string, string, string | null, string | null]>(
      `SELECT seq, prev_hash, hash, CASE WHEN ${ONE_READING} THEN ${HASHED} END, CASE WHEN instr(details, '"timelineEntry":') > 0 THEN details END
       FROM audit_log WHERE seq BETWEEN ? AND ? ORDER BY seq LIMIT ?`,
    )
    .raw(true);
  const quick = db.prepare<[number, number], string | null>(QUICK_PAGE_SQL).pluck(true);
  const last = db.prepare<[], number | null>('SELECT max(seq) FROM audit_log').pluck(true);
  const one = db.prepare<[number], StoredEntry>('SELECT seq, at, actor, action, incident_id AS incidentId, details, prev_hash AS prevHash, hash FROM audit_log WHERE seq = ?');
  const seqOfHash = db.prepare<[string], { seq: number }>('SELECT seq FROM audit_log WHERE hash = ?');
  const between = db.prepare<[{ since: string | null; until: string | null }], { first: number | null; last: number | null }>(
    'SELECT MIN(seq) AS first, MAX(seq) AS last FROM audit_log WHERE (@since IS NULL OR at >= @since) AND (@until IS NULL OR at < @until)',
  );
  return {
    append(facts: AuditFacts): AuditEntry {
      const prev = head.get();
      // Stored canonical, so verification can hash the stored text without parsing it again; hashed as stored.
      const details = canonicalJson(facts.details);
      const entry = chainEntry(prev ?? null, facts, details);
      insert.run({ ...entry, details });
      return entry;
    },
    /** The last entry's number and hash; 0 and null for an empty chain. */
    head(): { count: number; hash: string | null } {
      const row = head.get();
      return { count: row?.seq ?? 0, hash: row?.hash ?? null };
    },
    /** Entries `from` to `to` as stored (details as text), streamed in order: what verify and export read. */
    stored: (from = 1, to = Number.MAX_SAFE_INTEGER): IterableIterator<StoredEntry> => stored.iterate(from, to),
    /** What verification walks, in pages (reading a page at once is much faster than a row at a time). */
    *chainRows(from = 1, to = Number.MAX_SAFE_INTEGER): Generator<ChainRow> {
      for (let start = from; start <= to; ) {
        const page = chain.all(start, to, CHAIN_PAGE);
        for (const [seq, prevHash, hash, hashed, timeline] of page) yield { seq, prevHash, hash, hashed, timeline };
        if (page.length < CHAIN_PAGE) return;
        start = page[page.length - 1]![0] + 1;
      }
    },
    /** What the quick walk reads: entry numbers `from` to `to` (by default 1 to the last) in pages of `size` (see `walkAuditPages`). */
    *chainPages(size = QUICK_PAGE, from = 1, to: number = last.get() ?? 0): Generator<ChainPage> {
      for (let start = from; start <= to; start += size) {
        const end = Math.min(start + size - 1, to);
        yield { to: end, texts: quickPage(quick, start, end) };
      }
    },
    entryAt(seq: number): StoredEntry {
      const e = one.get(seq);
      if (!e) throw new Error(`audit entry ${seq} vanished while it was being verified`);
      return e;
    },
    seqOfHash: (hash: string): number | null => seqOfHash.get(hash)?.seq ?? null,
    /** The first and last entry numbers written in [since, until) (either open when null); null when none was. */
    seqRange(since: Date | null, until: Date | null): { first: number; last: number } | null {
      const r = between.get({ since: since?.toISOString() ?? null, until: until?.toISOString() ?? null });
      return r?.first != null && r.last != null ? { first: r.first, last: r.last } : null;
    },
    forIncident: (incidentId: string) => forIncident.all(incidentId).map(toEntry),
  };
}

export type AuditRepo = ReturnType<typeof auditRepo>;
