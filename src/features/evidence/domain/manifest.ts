/** `MANIFEST.sha256`: one `<hex>  <path>` line per file, sorted by path, as `sha256sum -c` reads it. Pure. */
import { WardenError } from '../../../platform/errors.js';
import type { PackFile } from './evidence-facts.js';
import { sha256Hex } from './pack-json.js';

export const MANIFEST_PATH = 'MANIFEST.sha256';

/** Byte order of the path (what `LC_ALL=C sort` gives), so the manifest is the same on every machine. */
const byPath = (a: PackFile, b: PackFile): number => (Buffer.from(a.path).compare(Buffer.from(b.path)));

/**
 * The manifest of `files` (every file of the pack but itself).
 * @throws WardenError('bad_input') for a path `sha256sum -c` would misread (a line break, a backslash) or that
 *   leaves the pack (absolute, `..`), or two files with one path.
 */
export function manifestOf(files: readonly PackFile[]): PackFile {
  const seen = new Set<string>();
  for (const f of files) {
    assertPackPath(f.path);
    if (f.path === MANIFEST_PATH || seen.has(f.path)) throw new WardenError('bad_input', `The evidence pack would hold two files named ${JSON.stringify(f.path)}.`);
    seen.add(f.path);
  }
  const lines = [...files].sort(byPath).map((f) => `${sha256Hex(f.content)}  ${f.path}\n`);
  return { path: MANIFEST_PATH, content: lines.join('') };
}

/** A relative path of plain segments: no leading `/`, no `.` or `..`, nothing sha256sum escapes. */
export function assertPackPath(path: string): void {
  const segments = path.split('/');
  const plain = segments.every((s) => s !== '' && s !== '.' && s !== '..') && !/[\\\r\n\0]/.test(path);
  if (!plain) throw new WardenError('bad_input', `Not a file path inside an evidence pack: ${JSON.stringify(path)}.`);
}
