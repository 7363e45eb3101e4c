import { describe, expect, it } from 'vitest';
import { cutText, graphemeLength, graphemes, stripInvisibles } from '../../src/platform/text.js';
import { truncate } from '../../src/adapters/slack/escape.js';

const CODER = '👩‍💻'; // woman, zero-width joiner, laptop: 5 UTF-16 units, one grapheme
const ACCENT = 'e\u0301'; // e and a combining acute accent

describe('graphemeLength', () => {
  it('counts what a person sees: an emoji sequence, a flag and an accented letter are one each', () => {
    expect(graphemeLength(`${CODER}🇫🇷${ACCENT}a`)).toBe(4);
    expect(graphemes(`${CODER}${ACCENT}`)).toEqual([CODER, ACCENT]);
  });
});

describe('cutText', () => {
  it('returns text that fits as it is', () => {
    expect(cutText('x'.repeat(10), 10)).toBe('x'.repeat(10));
  });

  it('cuts between graphemes, within the limit, and marks the cut', () => {
    const cut = cutText(`ab${CODER}${CODER}`, 9);
    expect(cut).toBe(`ab${CODER}…`);
    expect(cutText(`abc${ACCENT}zz`, 5)).toBe('abc…');
  });
});

describe('truncate (Slack text)', () => {
  it('never leaves half an entity before the ellipsis', () => {
    expect(truncate('R&amp;D down', 6)).toBe('R…');
    expect(truncate('R&amp;D down', 8)).toBe('R&amp;D…');
  });
});

describe('stripInvisibles', () => {
  it('removes bidi overrides and isolates, NUL, other C0 and C1 controls and DEL, and keeps newlines and tabs', () => {
    const text = 'a\u202Eb\u202Ac\u2066d\u2069e\u0000f\u0007g\u001Bh\u007Fi\u0085j\u009Fk\r\nl\tm';
    expect(stripInvisibles(text)).toBe('abcdefghijk\nl\tm');
  });

  it('in a one-line field, turns a newline or a tab into a space', () => {
    expect(stripInvisibles('Payments\ndown\there', { multiline: false })).toBe('Payments down here');
  });

  it('leaves emoji joiners and accents alone', () => {
    expect(stripInvisibles(`${CODER}${ACCENT}`)).toBe(`${CODER}${ACCENT}`);
  });
});
