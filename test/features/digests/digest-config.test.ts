import { describe, expect, it } from 'vitest';
import { digestSchedulesFrom, parseConfig } from '../../../src/config/index.js';
import { DIGEST_SECTIONS } from '../../../src/features/digests/index.js';

describe('digests in warden.yaml', () => {
  it("when digests is left out, then one goes to the managers' channel at 09:00 on weekdays in the display zone", () => {
    expect(digestSchedulesFrom(parseConfig({ channels: { managers: 'security-managers' }, timeZone: 'America/New_York' }))).toEqual([
      { channel: 'security-managers', schedule: '0 9 * * 1-5', timeZone: 'America/New_York', sections: DIGEST_SECTIONS },
    ]);
  });

  it('when digests is [], then there is none', () => {
    expect(digestSchedulesFrom(parseConfig({ channels: { managers: 'security-managers' }, digests: [] }))).toEqual([]);
  });

  it('when an entry leaves out its zone and sections, then the display zone and every section', () => {
    expect(digestSchedulesFrom(parseConfig({ timeZone: 'Europe/Paris', digests: [{ channel: 'eng-managers', schedule: '30 8 * * 1' }] }))).toEqual([
      { channel: 'eng-managers', schedule: '30 8 * * 1', timeZone: 'Europe/Paris', sections: DIGEST_SECTIONS },
    ]);
  });

  it('when an entry has a schedule croner refuses, then the configuration is refused naming the cron form', () => {
    expect(() => parseConfig({ digests: [{ channel: 'security-managers', schedule: 'every morning' }] })).toThrow(/expected a cron schedule like "0 9 \* \* 1-5"/);
  });
});
