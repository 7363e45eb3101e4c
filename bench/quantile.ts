/** The `q`-quantile of `xs` (nearest rank, 0 for none): the bench's p50, p95 and p99. */
export const quantile = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;
