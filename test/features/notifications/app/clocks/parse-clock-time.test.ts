import { describe, expect, it } from 'vitest';
import { parseClockTime } from '../../../../../src/features/notifications/app/clocks/parse-clock-time.js';

const NOW = new Date('2026-11-22T09:00:00Z');
const at = (text: string, zone = 'America/New_York', now = NOW) => parseClockTime(text, zone, now).at.toISOString();

describe('reading the time of a clock event', () => {
  it('when no time (or "now") is given, then it is now', () => {
    expect(parseClockTime('', 'UTC', NOW)).toEqual({ at: NOW, form: 'now' });
    expect(parseClockTime(' now ', 'UTC', NOW).form).toBe('now');
  });

  it('when ISO 8601 carries Z or an offset, then the zone of the reader does not matter', () => {
    expect(at('2026-11-21T14:05:00Z')).toBe('2026-11-21T14:05:00.000Z');
    expect(at('2026-11-21T09:05-05:00', 'Asia/Tokyo')).toBe('2026-11-21T14:05:00.000Z');
    expect(at('2026-11-21 15:05:30+0100')).toBe('2026-11-21T14:05:30.000Z');
    expect(parseClockTime('2026-11-21T14:05Z', 'UTC', NOW).form).toBe('iso');
  });

  it('when a plain time is given, then it is today in the reader\'s zone', () => {
    expect(at('03:15')).toBe('2026-11-22T08:15:00.000Z');
    expect(at('3:15', 'Asia/Tokyo')).toBe('2026-11-21T18:15:00.000Z');
    // 09:00Z is already the 22nd in Tokyo but still the 22nd 04:00 in New York: "today" is the reader's today.
    expect(at('23:30', 'Asia/Tokyo', new Date('2026-11-22T16:00:00Z'))).toBe('2026-11-23T14:30:00.000Z');
  });

  it('when a local date and time is given, then it is read in the reader\'s zone, across DST too', () => {
    expect(at('2026-11-21 22:00')).toBe('2026-11-22T03:00:00.000Z');
    expect(at('2026-07-01 12:00')).toBe('2026-07-01T16:00:00.000Z');
    expect(at('2026-03-29T02:30', 'Europe/London')).toBe('2026-03-29T01:30:00.000Z');
    // 01:30 does not exist in London that night (01:00 jumps to 02:00): it is read one hour later, as clocks do.
    expect(at('2026-03-29T01:30', 'Europe/London')).toBe('2026-03-29T01:30:00.000Z');
  });

  it.each(['yesterday', '2026-02-30 10:00', '24:00', '12:60', '2026-13-01T10:00Z', '2026-11-21T10:00+15:00', '1700000000'])(
    'when the text is %s, then it is refused with the accepted forms',
    (text) => {
      expect(() => parseClockTime(text, 'UTC', NOW)).toThrow(/not a time I can read\. Give no time \(now\), ISO 8601 with an offset/);
    },
  );

  it('when the text could carry Slack markup, then the error does not repeat it', () => {
    expect(() => parseClockTime('<!here>', 'UTC', NOW)).toThrow(/^That is not a time/);
  });
});
