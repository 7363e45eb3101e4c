import { createRequire } from 'node:module';

/**
 * A getter that requires the CommonJS package `specifier` the first time it is called, and answers the same module
 * after: for a large library only some deployments or some days need, kept out of the heap (which every major GC
 * marks) until then. `from` is the caller's `import.meta.url`, where the package is resolved.
 */
export function loadOnUse<T>(specifier: string, from: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= createRequire(from)(specifier) as T);
}
