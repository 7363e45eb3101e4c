// Adversarial QA: the times people type after `/incident clock became_aware`. A time Warden cannot read is
// refused with the accepted forms and nothing is stored; a time it reads is shown back in UTC and in the
// person's own zone, so a surprise is visible at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replyText, type Harness } from '../support/warden-harness.js';
import { startFullHarness } from '../support/full-harness.js';

let h: Harness;
let channel: string;
beforeEach(async () => {
  h = await startFullHarness();
  await h.incident('declare sev1 Clock times');
  await h.settle();
  channel = h.incidentChannel();
  await h.incident('regime add gdpr', { channel });
  await h.settle();
});
afterEach(async () => {
  await h.stop();
});

const clock = async (time: string, user = 'UALICE') => replyText((await h.incident(`clock became_aware ${time}`, { channel, user })).body);
const recorded = () => h.db.prepare("SELECT at FROM clock_events WHERE event = 'became_aware'").pluck().all();
const auditCount = () => h.db.prepare('SELECT count(*) FROM audit_log').pluck().get();

describe('times Warden cannot read', () => {
  it.each(['25:99', '2026-02-30 10:00', 'tomorrow', '24:00', '2026-11-21 14:05 extra', '2026-11-21T14:05:00-23:59', '<!here>'])(
    'when the time is %s, then it is refused with the accepted forms and nothing is stored',
    async (time) => {
      const before = auditCount();
      const answer = await clock(time);
      expect(answer).toMatch(/^:warning: .* is not a time I can read\. Give no time \(now\), ISO 8601 with an offset/);
      expect(answer).not.toContain('<!here>');
      expect(recorded()).toEqual([]);
      expect(auditCount()).toBe(before);
    },
  );

  it('when the time is in the future, then it is refused and nothing is stored', async () => {
    expect(await clock('2026-11-22T09:02:00Z')).toContain(':warning: 2026-11-22T09:02:00Z is in the future');
    expect(recorded()).toEqual([]);
  });

  it.each(['0026-11-22 08:00', '0026-11-22T08:00:00Z', '0000-01-01T00:00Z', '1969-12-31 23:00'])(
    'when the year is before 1970 (%s, a typo for this year), then it is refused instead of read as another century, and nothing is stored',
    async (time) => {
      const before = auditCount();
      expect(await clock(time)).toMatch(/^:warning: .* is not a time I can read\./);
      expect(recorded()).toEqual([]);
      expect(auditCount()).toBe(before);
    },
  );
});

describe('times Warden reads, shown back so a surprise is visible', () => {
  it('when the time is far in the past (1999), then it is recorded and shown in UTC and in the person\'s zone', async () => {
    expect(await clock('1999-01-01T00:00:00Z')).toContain('Recorded `became_aware` at *1999-01-01T00:00:00Z* (UTC) = 1999-01-01 00:00 +00:00 Europe/London (your time)');
    expect(recorded()).toEqual(['1999-01-01T00:00:00.000Z']);
  });

  it('when an ISO time has no offset, then it is read in the person\'s own zone, and the reply says so', async () => {
    expect(await clock('2026-11-21T14:05:00', 'UBOB')).toContain('*2026-11-21T19:05:00Z* (UTC) = 2026-11-21 14:05 -05:00 America/New_York (your time)');
    expect(await clock('2026-11-22T08:30', 'UCAROL')).toContain('*2026-11-21T23:30:00Z* (UTC) = 2026-11-22 08:30 +09:00 Asia/Tokyo (your time)');
  });

  it('when a New York time falls in the spring-forward gap (2026-03-08 02:30), then it is read one hour later, as clocks do, and the reply shows 03:30 EDT', async () => {
    expect(await clock('2026-03-08 02:30', 'UBOB')).toContain('*2026-03-08T07:30:00Z* (UTC) = 2026-03-08 03:30 -04:00 America/New_York (your time)');
    expect(recorded()).toEqual(['2026-03-08T07:30:00.000Z']);
  });

  it('when a New York time falls in the fall-back hour (2026-11-01 01:30), then the first of the two is taken and its offset shown', async () => {
    expect(await clock('2026-11-01 01:30', 'UBOB')).toContain('*2026-11-01T05:30:00Z* (UTC) = 2026-11-01 01:30 -04:00 America/New_York (your time)');
  });

  it('when every refused and accepted time has been tried, then no job failed and Slack accepted every post', async () => {
    for (const time of ['25:99', '0026-11-22 08:00', '1999-01-01T00:00:00Z', '2026-03-08 02:30', '2026-11-22T08:00:00Z']) await clock(time, 'UBOB');
    await h.advance(80 * 3_600_000);
    expect(h.warden.store.jobs.failedCount()).toBe(0);
    expect(h.slack.calls().filter((c) => !c.ok)).toEqual([]);
  });
});
