import { describe, expect, it } from 'vitest';
import { truncateSummary } from '../../../src/adapters/pagerduty/index.js';

describe('truncateSummary', () => {
  it('keeps a summary of up to 1,024 characters as it is', () => {
    expect(truncateSummary('x'.repeat(1024))).toBe('x'.repeat(1024));
  });

  it('cuts a longer one to 1,024 with an ellipsis, never inside a grapheme', () => {
    const cut = truncateSummary(`${'a'.repeat(1020)}e\u0301🇫🇷zzz`);
    expect(cut).toBe(`${'a'.repeat(1020)}e\u0301…`);
    expect(cut.length).toBeLessThanOrEqual(1024);
  });
});
