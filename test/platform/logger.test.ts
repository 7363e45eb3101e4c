import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/platform/logger.js';

const BOT = 'xoxb-fake-1111-2222-loggedbotvalue';
const SIGNING = 'signing-secret-from-env';

/** A logger writing JSON lines into an array, knowing one secret value the way main.ts would pass it. */
function capture(level = 'info') {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = createLogger({ level, destination, secrets: [SIGNING] });
  return { logger, lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('createLogger', () => {
  it('when a token is in the message, then the line does not contain it', () => {
    const { logger, lines } = capture();
    logger.info(`posting to Slack with ${BOT}`);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(BOT);
    expect(lines[0]).toContain('posting to Slack with [REDACTED]');
  });

  it('when a secret is in an object field, by name or by value, then the line does not contain it', () => {
    const { logger, lines, records } = capture();
    logger.info({ token: 'opaque-token-value', req: { headers: { authorization: 'Basic dXNlcjpwYXNz' } }, note: SIGNING }, 'request');
    expect(lines[0]).not.toContain('opaque-token-value');
    expect(lines[0]).not.toContain('dXNlcjpwYXNz');
    expect(lines[0]).not.toContain(SIGNING);
    expect(records()[0]).toMatchObject({ token: '[REDACTED]', req: { headers: { authorization: '[REDACTED]' } }, msg: 'request' });
  });

  it('when an error carries a token in its message and stack, then neither is logged', () => {
    const { logger, lines, records } = capture();
    logger.error(new Error(`auth failed for ${BOT}`), 'slack call failed');
    logger.error({ err: new Error(`signature check with ${SIGNING} failed`) });
    for (const line of lines) {
      expect(line).not.toContain(BOT);
      expect(line).not.toContain(SIGNING);
    }
    const [first, second] = records();
    expect(first).toMatchObject({ msg: 'slack call failed', err: { type: 'Error', message: 'auth failed for [REDACTED]' } });
    expect(second).toMatchObject({ msg: 'signature check with [REDACTED] failed' });
  });

  it('when a child logger is bound to a secret, then its lines do not contain it', () => {
    const { logger, lines } = capture();
    logger.child({ botToken: BOT, incident: 'INC-2026-0001' }).warn('child line');
    expect(lines[0]).not.toContain(BOT);
    expect(lines[0]).toContain('INC-2026-0001');
  });

  it('respects the level: debug lines are dropped at info', () => {
    const { logger, lines } = capture('info');
    logger.debug('hidden');
    logger.info('shown');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('shown');
  });
});
