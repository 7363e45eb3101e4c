import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A warden.yaml in `dir` that sets nothing, for WARDEN_CONFIG: the command runs on the defaults without reading the
 * checkout's own ./warden.yaml (a named WARDEN_CONFIG must exist).
 */
export function defaultsConfigFile(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'warden.yaml');
  writeFileSync(path, '# every key at its default\n');
  return path;
}
