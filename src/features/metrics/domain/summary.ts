/** How a set of durations reads: how many, their mean, median and 90th percentile, in seconds. */
export interface Summary {
  count: number;
  meanSeconds: number;
  medianSeconds: number;
  p90Seconds: number;
}

/**
 * Count, mean, median (the middle value; the mean of the two middle ones for an even count) and p90 (nearest
 * rank: the smallest value that at least 90% of the values are at or under, so always an observed value).
 * Null for no values: "no incidents" is not "zero seconds". Pure.
 */
export function summarize(values: readonly number[]): Summary | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const at = (i: number) => sorted[Math.min(n - 1, Math.max(0, i))] ?? 0;
  const median = n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
  return {
    count: n,
    meanSeconds: sorted.reduce((sum, v) => sum + v, 0) / n,
    medianSeconds: median,
    p90Seconds: at(Math.ceil(0.9 * n) - 1),
  };
}
