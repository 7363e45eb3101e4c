import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

/** The file's SHA-256, streamed (a 200 MB backup is never read whole into memory). */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export const sidecarOf = (path: string) => `${path}.sha256`;

/** `PATH.sha256` in `sha256sum` format (`<hex>  <name>`), so `sha256sum -c` checks it from its directory. */
export function writeSidecar(path: string, sha256: string): void {
  const partial = `${sidecarOf(path)}.partial`;
  writeFileSync(partial, `${sha256}  ${basename(path)}\n`);
  renameSync(partial, sidecarOf(path));
}

/** The hash a `PATH.sha256` beside the file records; null without one, 'unreadable' when it holds no hash. */
export function readSidecar(path: string): string | null | 'unreadable' {
  if (!existsSync(sidecarOf(path))) return null;
  const first = readFileSync(sidecarOf(path), 'utf8').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  return /^[0-9a-f]{64}$/.test(first) ? first : 'unreadable';
}
