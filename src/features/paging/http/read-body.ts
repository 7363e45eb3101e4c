import type { IncomingMessage } from 'node:http';

/**
 * The raw body, unaltered (the signature covers its exact bytes), or why it could not be had: larger than
 * `maxBytes` (by its Content-Length or as it streams in; the rest is discarded) or broken off.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | 'too_large' | 'unreadable'> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > maxBytes) {
    req.resume();
    return Promise.resolve('too_large');
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too_large' : Buffer.concat(chunks)));
    req.on('error', () => resolve('unreadable'));
    req.on('aborted', () => resolve('unreadable'));
  });
}
