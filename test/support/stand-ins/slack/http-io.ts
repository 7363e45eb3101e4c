/** Reading Web API requests the way Slack does: form or JSON bodies, bearer or form tokens. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const BODY_LIMIT_BYTES = 4 * 1024 * 1024;

/** Arguments Slack accepts as JSON text inside a form field. */
export const JSON_FIELDS = ['blocks', 'view', 'attachments', 'metadata', 'files'] as const;

export async function readBody(req: IncomingMessage): Promise<string> {
  return (await readBytes(req)).toString('utf8');
}

/** The raw request body (file uploads carry bytes, not text). */
export async function readBytes(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > BODY_LIMIT_BYTES) throw new Error('request body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export type Decoded = { ok: true; args: Record<string, unknown> } | { ok: false; error: string };

/** Decodes a request body; JSON-in-form fields are parsed back to objects, unparseable ones stay strings. */
export function decodeArgs(contentType: string | undefined, raw: string): Decoded {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json') {
    try {
      const value: unknown = raw === '' ? {} : JSON.parse(raw);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: 'invalid_json' };
      return { ok: true, args: value as Record<string, unknown> };
    } catch {
      return { ok: false, error: 'invalid_json' };
    }
  }
  const args: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
  for (const field of JSON_FIELDS) {
    const value = args[field];
    if (typeof value !== 'string') continue;
    try {
      args[field] = JSON.parse(value);
    } catch {
      // Left as text: the method then answers invalid_blocks_format / invalid_arguments, as Slack does.
    }
  }
  return { ok: true, args };
}

/** The token from `Authorization: Bearer`, else from a `token` argument. */
export function tokenOf(req: IncomingMessage, args: Record<string, unknown>): string | undefined {
  const header = req.headers.authorization;
  const bearer = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
  if (bearer) return bearer;
  return typeof args.token === 'string' && args.token !== '' ? args.token : undefined;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}
