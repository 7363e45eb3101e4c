// The node flags of `npm start` and of the Docker image are written twice (V8 refuses --heap-growing-percent in
// NODE_OPTIONS, so they cannot share one variable): this holds them equal, and holds the memory flags in place.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startFlags } from '../bench/child-process.js';
import { repoPath } from './support/repo-path.js';

/** The node flags of the Dockerfile's exec-form ENTRYPOINT: the words between `node` and the script. */
function dockerFlags(): string[] {
  const dockerfile = readFileSync(repoPath('Dockerfile'), 'utf8');
  const line = /^ENTRYPOINT (\[.*\])$/m.exec(dockerfile)?.[1];
  if (!line) throw new Error('the Dockerfile has no exec-form ENTRYPOINT');
  const words = JSON.parse(line) as string[];
  return words.slice(1, words.indexOf('dist/src/bin/warden.js'));
}

describe('the node flags warden start runs with', () => {
  it('when the image starts, then it runs node with the same flags as npm start', () => {
    expect(dockerFlags()).toEqual(startFlags());
  });

  it('when npm start runs, then the young generation is small and old space grows in small steps', () => {
    expect(startFlags()).toEqual(expect.arrayContaining(['--max-semi-space-size=4', '--heap-growing-percent=30']));
  });

  it("when npm start runs, then fetch's WebAssembly HTTP parser is never recompiled by the optimizing compiler", () => {
    expect(startFlags()).toEqual(expect.arrayContaining(['--no-wasm-tier-up', '--no-wasm-dynamic-tiering']));
  });

  it('when the image starts, then glibc keeps two malloc arenas', () => {
    expect(readFileSync(repoPath('Dockerfile'), 'utf8')).toMatch(/^\s+MALLOC_ARENA_MAX=2$/m);
  });
});
