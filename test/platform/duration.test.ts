import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../src/platform/duration.js';

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['4h', 14_400_000],
    ['2d', 172_800_000],
    ['1w', 604_800_000],
    ['1h30m', 5_400_000],
    [' 15M ', 900_000],
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '30', 'm', '30 minutes', '-5m', '1.5h', '0m', 'h1'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe('formatDuration', () => {
  it('prints the largest units first', () => {
    expect(formatDuration(5_400_000)).toBe('1h30m');
    expect(formatDuration(90_000_000)).toBe('1d1h');
  });

  it('rounds anything under a minute up to one minute and nothing to zero', () => {
    expect(formatDuration(20_000)).toBe('1m');
    expect(formatDuration(0)).toBe('0m');
  });
});
