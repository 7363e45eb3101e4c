import { describe, expect, it } from 'vitest';
import { formatDuration, formatTime, inlineText, quotedText, zoneAbbreviation } from '../../../../src/features/reviews/draft/format.js';
import { roleHistory, severityHistory } from '../../../../src/features/reviews/draft/history.js';
import { at } from './review-builders.js';

describe('review draft: durations and times', () => {
  it.each([
    [0, 'less than a minute'],
    [59_999, 'less than a minute'],
    [45 * 60_000, '45 min'],
    [2 * 3_600_000, '2 h'],
    [(5 * 60 + 12) * 60_000, '5 h 12 min'],
    [(26 * 60 + 5) * 60_000, '1 d 2 h'],
    [3 * 86_400_000, '3 d'],
    [-90 * 60_000, '1 h 30 min'],
  ])('when a duration is %i ms, then it reads "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('when an instant is formatted, then it shows the zone’s wall clock and short name, across a DST change too', () => {
    expect(formatTime(at('2026-11-22T09:00:00Z'), 'Europe/Paris')).toBe('2026-11-22 10:00 CET');
    expect(formatTime(at('2026-07-01T09:00:00Z'), 'Europe/Paris')).toBe('2026-07-01 11:00 CEST');
    expect(formatTime(at('2026-07-01T09:00:00Z'), 'Europe/London')).toBe('2026-07-01 10:00 BST');
    expect(formatTime(at('2026-11-22T09:00:00Z'), 'UTC')).toBe('2026-11-22 09:00 UTC');
  });

  it('when a zone has no letter abbreviation, then its offset names it', () => {
    expect(zoneAbbreviation('Asia/Kathmandu', at('2026-11-22T09:00:00Z'))).toBe('GMT+5:45');
  });
});

describe('review draft: Markdown-safe user text', () => {
  it('when inline text has line breaks and syntax, then it stays on one line with the syntax escaped', () => {
    expect(inlineText('a\r\n# b\u2028`c` <!channel> *d* _e_ [f] |g| ~h~ \\')).toBe('a \\# b \\`c\\` \\<!channel\\> \\*d\\* \\_e\\_ \\[f\\] \\|g\\| \\~h\\~ \\\\');
  });

  it('when text is quoted, then every line is quoted and blank lines stay inside the quote', () => {
    expect(quotedText('one\n\n# two\n')).toBe('> one\n>\n> \\# two');
    expect(quotedText('')).toBe('');
  });
});

describe('review draft: severity and role history from the timeline', () => {
  const declared = { at: at('2026-11-22T09:00:00Z'), by: 'UALICE' };
  const entry = (iso: string, kind: string, actor: string, data: Record<string, unknown>) => ({ at: at(iso), kind, actor, text: '', data });

  it('when the severity changed twice, then there are three periods, each ending when the next starts', () => {
    const entries = [
      entry('2026-11-22T09:00:00Z', 'declared', 'UALICE', { severity: 'sev3' }),
      entry('2026-11-22T09:10:00Z', 'severity_changed', 'UBOB', { from: 'sev3', to: 'sev1' }),
      entry('2026-11-22T10:00:00Z', 'note', 'UBOB', {}),
      entry('2026-11-22T11:00:00Z', 'severity_changed', 'UCAROL', { from: 'sev1', to: 'sev2' }),
    ];
    expect(severityHistory(entries, declared, 'sev2')).toEqual([
      { severity: 'sev3', from: declared.at, until: at('2026-11-22T09:10:00Z'), by: 'UALICE' },
      { severity: 'sev1', from: at('2026-11-22T09:10:00Z'), until: at('2026-11-22T11:00:00Z'), by: 'UBOB' },
      { severity: 'sev2', from: at('2026-11-22T11:00:00Z'), until: null, by: 'UCAROL' },
    ]);
  });

  it('when the declaration entry has no severity, then the first change’s "from" (else the current one) starts the history', () => {
    expect(severityHistory([entry('2026-11-22T09:10:00Z', 'severity_changed', 'UBOB', { from: 'sev3', to: 'sev1' })], declared, 'sev1')[0]?.severity).toBe('sev3');
    expect(severityHistory([], declared, 'sev2')).toEqual([{ severity: 'sev2', from: declared.at, until: null, by: 'UALICE' }]);
  });

  it('when roles are taken and handed over, then each holder has a tenure ending at the handover; other roles run side by side', () => {
    const entries = [
      entry('2026-11-22T09:05:00Z', 'role_assigned', 'UBOB', { role: 'comms', userId: 'UBOB' }),
      entry('2026-11-22T10:00:00Z', 'role_assigned', 'UALICE', { role: 'commander', userId: 'UCAROL', previous: 'UALICE' }),
      entry('2026-11-22T10:30:00Z', 'role_assigned', 'UCAROL', {}),
    ];
    expect(roleHistory(entries, declared)).toEqual([
      { role: 'commander', userId: 'UALICE', from: declared.at, until: at('2026-11-22T10:00:00Z'), by: 'UALICE' },
      { role: 'comms', userId: 'UBOB', from: at('2026-11-22T09:05:00Z'), until: null, by: 'UBOB' },
      { role: 'commander', userId: 'UCAROL', from: at('2026-11-22T10:00:00Z'), until: null, by: 'UALICE' },
    ]);
  });
});
