/** Writes a pack's files into a directory of its own, never over an existing one. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { WardenError } from '../../../platform/errors.js';
import type { PackFile } from '../domain/evidence-facts.js';

/**
 * Creates `dir` (its parents as needed) and writes each file in it. Creating the directory itself is the
 * claim: when it already exists nothing is written (evidence is never overwritten), and a pack that fails
 * half-way is removed rather than left looking complete.
 * @throws WardenError('conflict') naming the directory when it exists.
 */
export function writePack(dir: string, files: readonly PackFile[]): void {
  mkdirSync(dirname(resolve(dir)), { recursive: true });
  try {
    mkdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new WardenError('conflict', `${dir} already exists: an evidence pack is never overwritten. Move it away or choose another --out.`);
    }
    throw e;
  }
  try {
    for (const f of files) {
      const path = join(dir, ...f.path.split('/'));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.content, { encoding: 'utf8', flag: 'wx' });
    }
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
