import { describe, expect, it } from 'vitest';
import { classifyRequest } from '../../../../src/adapters/slack/inbound/classify-request.js';
import { signature } from '../../../support/slack-requests.js';

const SECRET = 'unit-test-signing-secret';
const NOW_MS = Date.parse('2026-11-22T09:00:00Z');
const NOW_S = NOW_MS / 1000;
const BODY = 'command=%2Fincident&text=list';

const signed = (ts: number, body = BODY, secret = SECRET) => ({ body, signature: signature(secret, body, ts), timestamp: String(ts) });

describe('classifyRequest', () => {
  it('when Slack signed the body just now, then it is accepted with its timestamp', () => {
    expect(classifyRequest(SECRET, signed(NOW_S), NOW_MS)).toEqual({ ok: true, timestampSeconds: NOW_S });
  });

  it('when the signature is missing, malformed, wrong or made with another secret, then it is forged', () => {
    const good = signed(NOW_S);
    for (const sig of [undefined, '', 'garbage', 'v1=abc', `v0=${'0'.repeat(64)}`, signature('other-secret', BODY, NOW_S)]) {
      expect(classifyRequest(SECRET, { ...good, signature: sig }, NOW_MS)).toEqual({ ok: false, reason: 'forged' });
    }
  });

  it('when the body was changed after signing, then it is forged', () => {
    expect(classifyRequest(SECRET, { ...signed(NOW_S), body: `${BODY}&x=1` }, NOW_MS)).toEqual({ ok: false, reason: 'forged' });
  });

  it('when the timestamp is missing or not a number, then it is forged', () => {
    for (const timestamp of [undefined, '', 'yesterday', '-5', '1e9']) {
      expect(classifyRequest(SECRET, { ...signed(NOW_S), timestamp }, NOW_MS)).toEqual({ ok: false, reason: 'forged' });
    }
  });

  it('when a genuine request is more than 5 minutes old or more than 5 minutes ahead, then it is stale', () => {
    expect(classifyRequest(SECRET, signed(NOW_S - 301), NOW_MS)).toEqual({ ok: false, reason: 'stale' });
    expect(classifyRequest(SECRET, signed(NOW_S + 301), NOW_MS)).toEqual({ ok: false, reason: 'stale' });
  });

  it('when a genuine request is exactly 5 minutes off either way, then it is still accepted', () => {
    expect(classifyRequest(SECRET, signed(NOW_S - 300), NOW_MS).ok).toBe(true);
    expect(classifyRequest(SECRET, signed(NOW_S + 300), NOW_MS).ok).toBe(true);
  });

  it('when an old request is not signed either, then it is forged, not stale: only Slack can make a stale one', () => {
    expect(classifyRequest(SECRET, { ...signed(NOW_S - 3600), signature: `v0=${'1'.repeat(64)}` }, NOW_MS)).toEqual({ ok: false, reason: 'forged' });
  });
});
