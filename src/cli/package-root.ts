import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder above `from` that holds a package.json: the package root, from sources and build alike. */
export function packageRootFrom(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${from}.`);
  }
}

/** The installed package's root (where playbooks/, regimes/ and templates/ ship). */
export const PACKAGE_ROOT = packageRootFrom(dirname(fileURLToPath(import.meta.url)));
