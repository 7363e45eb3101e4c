import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pagerDutySignature, verifyPagerDutySignature } from '../../../../src/features/paging/domain/webhook-signature.js';

const body = '{"event":{"id":"e1","data":{"title":"Café ☕"}}}';
const hex = (secret: string, text = body) => createHmac('sha256', secret).update(Buffer.from(text, 'utf8')).digest('hex');

describe('verifyPagerDutySignature', () => {
  it('accepts a v1 HMAC-SHA256 of the raw UTF-8 body, as a string or as bytes', () => {
    expect(verifyPagerDutySignature(body, `v1=${hex('s1')}`, ['s1'])).toBe('ok');
    expect(verifyPagerDutySignature(Buffer.from(body, 'utf8'), `v1=${hex('s1')}`, ['s1'])).toBe('ok');
  });

  it('accepts any of several comma-separated signatures against any of several secrets (a rotation)', () => {
    expect(verifyPagerDutySignature(body, `v1=${hex('other')}, v1=${hex('s2')}`, ['s1', 's2'])).toBe('ok');
    expect(verifyPagerDutySignature(body, pagerDutySignature(body, ['new', 'old']), ['old'])).toBe('ok');
  });

  it('refuses a missing or empty header as unsigned, and anything else that does not match as a bad signature', () => {
    expect(verifyPagerDutySignature(body, undefined, ['s1'])).toBe('unsigned');
    expect(verifyPagerDutySignature(body, ' ', ['s1'])).toBe('unsigned');
    expect(verifyPagerDutySignature(body, `v1=${hex('s1')}`, ['s2'])).toBe('bad_signature');
    expect(verifyPagerDutySignature(`${body} `, `v1=${hex('s1')}`, ['s1'])).toBe('bad_signature');
    expect(verifyPagerDutySignature(body, `v2=${hex('s1')}`, ['s1'])).toBe('bad_signature');
    expect(verifyPagerDutySignature(body, `v1=${hex('s1').slice(0, 63)}`, ['s1'])).toBe('bad_signature');
    expect(verifyPagerDutySignature(body, `v1=${hex('s1')}`, [])).toBe('bad_signature');
  });
});
