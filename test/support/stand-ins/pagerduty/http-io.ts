/** Reading requests and writing answers the way PagerDuty's APIs do (JSON bodies, 512 KB at most). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Answer } from './events-api.js';
import type { RecordedCall } from './types.js';

const BODY_LIMIT_BYTES = 512 * 1024;

export const authOf = (req: IncomingMessage, token: string): RecordedCall['auth'] => {
  const header = req.headers.authorization;
  if (header === undefined) return 'missing';
  return header === `Token token=${token}` ? 'valid' : 'invalid';
};

export function queryOf(params: URLSearchParams): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of params) (out[key] ??= []).push(value);
  return out;
}

export function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT_BYTES) throw new Error('request body over 512 KB');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function send(res: ServerResponse, answer: Answer): void {
  res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
  res.end(JSON.stringify(answer.body));
}
