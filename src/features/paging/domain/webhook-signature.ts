import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureVerdict = 'ok' | 'unsigned' | 'bad_signature';

const V1 = /^v1=([0-9a-f]{64})$/i;

/**
 * Checks `X-PagerDuty-Signature` as PagerDuty documents it (developer-docs, webhooks/04-Signatures): one or more
 * comma-separated signatures, each `v1=` + the hex HMAC-SHA256 of the raw body with a subscription secret. Any
 * v1 signature matching any configured secret is enough, so a rotation (two secrets live at once) works from
 * either side. Compared in constant time over the decoded bytes.
 */
export function verifyPagerDutySignature(rawBody: Buffer | string, header: string | undefined, secrets: readonly string[]): SignatureVerdict {
  if (header === undefined || header.trim() === '') return 'unsigned';
  const given = header
    .split(',')
    .map((part) => V1.exec(part.trim())?.[1])
    .filter((hex): hex is string => hex !== undefined)
    .map((hex) => Buffer.from(hex, 'hex'));
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  for (const secret of secrets) {
    const expected = createHmac('sha256', secret).update(body).digest();
    if (given.some((signature) => timingSafeEqual(signature, expected))) return 'ok';
  }
  return 'bad_signature';
}

/** What PagerDuty would send for `rawBody` signed with each secret (the test stand-ins sign with it too). */
export function pagerDutySignature(rawBody: Buffer | string, secrets: readonly string[]): string {
  return secrets.map((secret) => `v1=${createHmac('sha256', secret).update(rawBody).digest('hex')}`).join(',');
}
