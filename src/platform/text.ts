/**
 * Text as a person sees it: graphemes (an emoji with its modifiers, a letter with its combining accents) are
 * never split, and characters that change how text shows without being seen are removed.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const ELLIPSIS = '…';

/** The graphemes of `text`, in order. */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** How many characters a person sees: what a limit on user text ("keep it under 120") counts. */
export function graphemeLength(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n += 1;
  return n;
}

/**
 * At most `max` UTF-16 units (what Slack's and PagerDuty's field limits measure), cut between graphemes and
 * ending with "…" when anything was cut. Text that fits is returned as it is.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const { segment } of segmenter.segment(text)) {
    if (out.length + segment.length > max - ELLIPSIS.length) break;
    out += segment;
  }
  return out + ELLIPSIS;
}

// Bidi embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069): they can make a title read
// backwards or hide what follows. C0 controls (NUL included), DEL and C1 controls: invisible, or worse.
const BIDI = /[\u202A-\u202E\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const LINE_BREAKS = /[\t\n]/g;

/**
 * User text with bidi controls and control characters removed. Where text may span lines (`multiline`, the
 * default: notes, updates, descriptions) a newline and a tab stay; in a one-line field each becomes a space.
 */
export function stripInvisibles(text: string, opts: { multiline?: boolean } = {}): string {
  const clean = text.replace(BIDI, '').replace(CONTROLS, '');
  return opts.multiline === false ? clean.replace(LINE_BREAKS, ' ') : clean;
}
