import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets } from '../../src/platform/redact.js';

describe('redactSecrets', () => {
  it.each([
    ['bot', 'xoxb-fake-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx'],
    ['user', 'xoxp-fake-1234-5678-9012-abcdef'],
    ['app-level', 'xapp-1-fake-A0123456789-1234567890123-abcdef0123'],
    ['legacy', 'xoxa-2-abc-def'],
    ['refresh', 'xoxr-1-abc'],
  ])('when a Slack %s token appears in text, then it is replaced', (_kind, token) => {
    expect(redactSecrets(`calling chat.postMessage with ${token} now`)).toBe(`calling chat.postMessage with ${REDACTED} now`);
  });

  it('when an Authorization header value appears, then the credential is replaced and the scheme kept', () => {
    expect(redactSecrets('Authorization: Bearer eyJhbGciOi.payload.sig')).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redactSecrets('authorization=Basic dXNlcjpwYXNz')).toBe(`authorization=Basic ${REDACTED}`);
    expect(redactSecrets('Authorization: Token token=y_NbAkKc66ryYTWUXYEu')).toBe(`Authorization: Token token=${REDACTED}`);
  });

  it('when PagerDuty-looking keys appear, then they are replaced', () => {
    expect(redactSecrets('routing key R0123456789abcdef0123456789abcde sent')).toBe(`routing key ${REDACTED} sent`);
    expect(redactSecrets('user token u+AbCdEf0123456789xyz')).toBe(`user token ${REDACTED}`);
  });

  it('when a secret-named pair appears in a URL or in JSON, then its value is replaced', () => {
    expect(redactSecrets('GET /oauth?client_secret=s3cr3t&team=T1')).toBe(`GET /oauth?client_secret=${REDACTED}&team=T1`);
    expect(redactSecrets('{"signingSecret":"abc123","user":"U1"}')).toBe(`{"signingSecret":"${REDACTED}","user":"U1"}`);
    expect(redactSecrets('body {\\"api_key\\":\\"k-42\\"}')).toBe(`body {\\"api_key\\":\\"${REDACTED}\\"}`);
  });

  it('when a known secret appears anywhere, then it is replaced even if it looks like nothing special', () => {
    expect(redactSecrets('webhook secret is pd-hook-7 (len 9)', ['pd-hook-7'])).toBe(`webhook secret is ${REDACTED} (len 9)`);
  });

  it('when a known secret contains characters JSON escapes, then its escaped form is replaced too', () => {
    const secret = 'pa"ss\\word';
    const line = JSON.stringify({ msg: `using ${secret}` });
    expect(redactSecrets(line, [secret])).toBe(JSON.stringify({ msg: `using ${REDACTED}` }));
  });

  it('leaves ordinary text alone, including messages that merely name a token variable', () => {
    const text = 'SLACK_BOT_TOKEN: expected a bot token starting with xoxb- (incident INC-2026-0042, 3 tokens left)';
    expect(redactSecrets(text)).toBe(text);
    expect(redactSecrets('internationalization works, as does a uuid 9b2f6c1e-1d7a-4e0b-9c1e-2a3b4c5d6e7f')).toBe(
      'internationalization works, as does a uuid 9b2f6c1e-1d7a-4e0b-9c1e-2a3b4c5d6e7f',
    );
  });

  it('ignores known secrets too short to search for safely', () => {
    expect(redactSecrets('a cat sat', ['a'])).toBe('a cat sat');
  });

  it('is idempotent: redacting twice gives the same text', () => {
    const once = redactSecrets('token=abc xoxb-1-2-3 {"botToken":"xoxb-9-9"}');
    expect(redactSecrets(once)).toBe(once);
    expect(once).toBe(`token=${REDACTED} ${REDACTED} {"botToken":"${REDACTED}"}`);
  });
});
