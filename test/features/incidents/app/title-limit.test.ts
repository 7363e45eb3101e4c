import { describe, expect, it } from 'vitest';
import { MAX_TITLE, titleTooLong } from '../../../../src/features/incidents/app/declare-incident.js';

// A woman technologist: four code points joined by a zero-width joiner, five UTF-16 units, one grapheme.
const CODER = '\u{1F469}\u200D\u{1F4BB}';

describe('the title limit counts what a person sees', () => {
  it('when a title is 120 plain letters, then it fits; 121 do not, and the refusal says how many', () => {
    expect(titleTooLong('x'.repeat(MAX_TITLE))).toBeNull();
    expect(titleTooLong('x'.repeat(MAX_TITLE + 1))).toBe('The title is 121 characters; keep it to 120 or fewer.');
  });

  it('when a title is longer in UTF-16 units than the limit but not in graphemes, then it fits', () => {
    expect(CODER.repeat(MAX_TITLE).length).toBe(5 * MAX_TITLE);
    expect(titleTooLong(CODER.repeat(MAX_TITLE))).toBeNull();
    expect(titleTooLong(`${'é'.normalize('NFD').repeat(MAX_TITLE)}`)).toBeNull();
    expect(titleTooLong(CODER.repeat(MAX_TITLE + 1))).toBe('The title is 121 characters; keep it to 120 or fewer.');
  });
});
