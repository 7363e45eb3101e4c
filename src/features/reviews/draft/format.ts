/** Text helpers of the review draft: times in the reader's zone, readable durations, Markdown-safe user text. Pure. */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';

/**
 * The zone's short name at `at` (`CET`, `EST`, `JST`, `UTC`): the first locale that has a letter abbreviation,
 * else the numeric offset as Intl writes it (`GMT+5:30`).
 */
export function zoneAbbreviation(zone: string, at: Date): string {
  const name = (locale: string) =>
    new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const names = ['en-US', 'en-GB', 'ja-JP-u-ca-gregory'].map(name);
  const lettered = names.find((n) => /^[A-Z]{2,5}$/.test(n));
  if (lettered) return lettered;
  return names[0] === 'GMT' ? 'UTC' : names[0] || zone;
}

/** `2026-11-22 10:00 CET`: the wall clock of `zone` with the zone named. */
export function formatTime(at: Date, zone: string): string {
  return `${format(new TZDate(at.getTime(), zone), 'yyyy-MM-dd HH:mm')} ${zoneAbbreviation(zone, at)}`;
}

/** `5 h 12 min`, `2 h`, `3 d 4 h`, `45 min`, `less than a minute`. Minutes are rounded down. */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes === 0) return 'less than a minute';
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const parts = [d > 0 ? `${d} d` : '', h > 0 ? `${h} h` : '', m > 0 && d === 0 ? `${m} min` : ''].filter(Boolean);
  return parts.join(' ') || `${d} d`;
}

/**
 * User text made safe for one Markdown line: line breaks become spaces (a title cannot start a heading or a
 * list: it always follows other text on its line), and the characters Markdown or Slack read as syntax
 * anywhere in a line are escaped (`#`, backticks, `*`, `_`, `[`, `<`, `|`, `~`), so `<!channel>` or a stray code
 * fence stays literal text.
 */
export function inlineText(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`)
    .trim();
}

/** Multi-line user text as a Markdown block quote: every line quoted and escaped, so it cannot end the quote. */
export function quotedText(text: string): string {
  const lines = text.split(/\r\n|\r|\n|\u2028|\u2029/).map((l) => inlineText(l));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l ? `> ${l}` : '>')).join('\n');
}
