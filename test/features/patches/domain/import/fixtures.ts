import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../fixtures/scanners/', import.meta.url));

/** A scanner fixture's text (see test/fixtures/scanners/README.md for where each came from). */
export const fixture = (path: string): string => readFileSync(root + path, 'utf8');

/** A parsed fixture, edited freely by the tests (the shapes are the tools', not Warden's). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- reports are edited at arbitrary paths
export type Doc = any;

/** The fixture parsed, changed by `edit`, and written back: the malformed variants the tests refuse. */
export function edited(path: string, edit: (doc: Doc) => void): string {
  const doc = JSON.parse(fixture(path));
  edit(doc);
  return JSON.stringify(doc);
}
