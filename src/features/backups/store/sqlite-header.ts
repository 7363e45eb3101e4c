import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { Refusal } from '../domain/backup.js';

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;

/**
 * Reads the 100-byte SQLite header before SQLite opens the file, to tell "not a database" and "cut short" apart
 * from corruption inside: the header says the page size and, when its change counters agree, the page count.
 */
export function checkHeader(path: string): Refusal | null {
  const size = statSync(path).size;
  const header = Buffer.alloc(HEADER_BYTES);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, HEADER_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  const magic = header.subarray(0, MAGIC.length);
  if (!magic.equals(MAGIC)) {
    const prefix = size > 0 && size < MAGIC.length && MAGIC.subarray(0, size).equals(header.subarray(0, size));
    return prefix ? truncated(path, size, null) : { ok: false, reason: 'not_sqlite', problem: `${path} is not a SQLite database (no SQLite header)` };
  }
  if (size < HEADER_BYTES) return truncated(path, size, null);
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize;
  const pageCount = header.readUInt32BE(28);
  // The page count is trustworthy only when the change counter and the version-valid-for number agree.
  const countValid = pageCount > 0 && header.readUInt32BE(24) === header.readUInt32BE(92);
  const expected = pageSize * pageCount;
  if (countValid && size < expected) return truncated(path, size, expected);
  if (size % pageSize !== 0) return truncated(path, size, null);
  return null;
}

function truncated(path: string, size: number, expected: number | null): Refusal {
  const why = expected === null ? `${size} bytes is not a whole number of pages` : `it has ${size} bytes of the ${expected} its header says`;
  return { ok: false, reason: 'truncated', problem: `${path} is truncated: ${why}` };
}
