// Property-based checks that no input crashes Warden: every parser of what people type, every config text and
// every webhook body either gives a value or a refusal that says what is wrong (a WardenError, or a result
// naming the problem), never a TypeError or a stack trace.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitVerb } from '../../src/adapters/slack/commands/args.js';
import { checkConfigText, loadConfig, parseConfig } from '../../src/config/index.js';
import { parseDue } from '../../src/features/actions/domain/due-date.js';
import { parseEvery } from '../../src/features/access-reviews/domain/cadence.js';
import { parseTimelineArgs } from '../../src/features/incidents/slack/timeline-verb.js';
import { parseStatus, parseIncidentType } from '../../src/features/incidents/slack/incident-args.js';
import { parsePeriod } from '../../src/features/metrics/domain/period.js';
import { parseClockTime } from '../../src/features/notifications/app/clocks/parse-clock-time.js';
import { parseIsoDuration } from '../../src/features/notifications/domain/deadlines/iso-duration.js';
import { parseWebhookEvent } from '../../src/features/paging/domain/webhook-event.js';
import { parseMeetingTime } from '../../src/features/reviews/app/parse-meeting.js';
import { parseDuration } from '../../src/platform/duration.js';
import { isWardenError } from '../../src/platform/errors.js';

const NOW = new Date('2026-11-22T09:00:00Z');
const ZONES = ['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham'];

/** What people type: any text, text made of the characters commands use, and near-misses of valid forms. */
const typed = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.stringMatching(/^[-+ 0-9:TZdhmswy.,/<>@!&|#]{0,30}$/),
  fc.constantFrom('2026-02-30', '2026-03-29 02:30', '+0d', '-3d', '24:00', '9999-99-99T99:99', '\u202e12:00', '\u0000', '12:00 +25:00', 'P', 'PT', 'P1Y2M3DT4H5M6S'),
);

/** Runs `parse`; a refusal must be a WardenError with a message a person can read. */
function refusesClearly(parse: () => unknown): void {
  try {
    parse();
  } catch (error) {
    if (!isWardenError(error)) throw error;
    expect(error.message.length).toBeGreaterThan(10);
    expect(error.message).not.toMatch(/undefined|NaN|\[object Object\]/);
  }
}

describe('no typed input crashes a parser (fast-check)', () => {
  it.each([
    ['parseClockTime', (t: string, z: string) => parseClockTime(t, z, NOW)],
    ['parseMeetingTime', (t: string, z: string) => parseMeetingTime(t, z, NOW)],
    ['parsePeriod', (t: string) => parsePeriod(t, undefined, NOW)],
    ['parsePeriod (until)', (t: string) => parsePeriod('30d', t, NOW)],
    ['parseTimelineArgs', (t: string) => parseTimelineArgs(t)],
    ['parseStatus', (t: string) => parseStatus(t)],
    ['parseIncidentType', (t: string) => parseIncidentType(t)],
  ] as const)('%s: a value or a clear refusal', (_name, parse) => {
    fc.assert(fc.property(typed, fc.constantFrom(...ZONES), (t, z) => refusesClearly(() => parse(t, z))), { numRuns: 400 });
  });

  it('the parsers that answer null or a result say so without throwing', () => {
    fc.assert(
      fc.property(typed, fc.constantFrom(...ZONES), (t, z) => {
        expect(() => parseDuration(t)).not.toThrow();
        expect(() => parseIsoDuration(t)).not.toThrow();
        expect(() => parseEvery(t)).not.toThrow();
        const due = parseDue(t, NOW, z);
        if (!due.ok) expect(due.reason.length).toBeGreaterThan(5);
        const split = splitVerb(t);
        expect(split.verb).toBe(split.verb.toLowerCase());
      }),
      { numRuns: 400 },
    );
  });
});

describe('no configuration crashes the loader (fast-check)', () => {
  const yamlish = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.json().map((j) => j),
    fc.dictionary(fc.constantFrom('severities', 'company', 'nags', 'quietHours', 'limits', 'timeZone', 'channels', 'sevrities', 'notifications'), fc.jsonValue(), { maxKeys: 4 }).map((o) => JSON.stringify(o)),
  );

  it('every text gets either no problem or problems located as file:line path: message', () => {
    fc.assert(
      fc.property(yamlish, (text) => {
        const problems = checkConfigText(text, 'warden.yaml');
        for (const p of problems) {
          expect(p.file).toBe('warden.yaml');
          expect(p.message.length).toBeGreaterThan(3);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('every value is parsed or refused with a WardenError naming the keys', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => refusesClearly(() => parseConfig(value))), { numRuns: 300 });
    fc.assert(fc.property(yamlish, (text) => refusesClearly(() => loadConfig('warden.yaml', () => text))), { numRuns: 200 });
  });
});

describe('no webhook body crashes the PagerDuty parser (fast-check)', () => {
  it('every body is an event or a problem that does not quote the body', () => {
    const body = fc.oneof(fc.string({ maxLength: 300 }), fc.jsonValue().map((v) => JSON.stringify(v)), fc.record({ event: fc.record({ event_type: fc.string(), data: fc.jsonValue() }) }).map((v) => JSON.stringify(v)));
    fc.assert(
      fc.property(body, (raw) => {
        const parsed = parseWebhookEvent(raw);
        if (!parsed.ok) {
          expect(parsed.problem.length).toBeGreaterThan(3);
          if (raw.length > 12) expect(parsed.problem).not.toContain(raw);
        }
      }),
      { numRuns: 400 },
    );
  });
});
