/**
 * One section of a digest as plain text lines, built by a pure section builder. How user text, people and
 * instants read in Slack is the `Marks` port (the Slack layer escapes, mentions and renders `<!date>`), so
 * the builders stay pure and tests pass plain fakes.
 */
export interface Marks {
  /** User-typed text, escaped (and cut to `max` characters). */
  text(s: string, max?: number): string;
  person(userId: string): string;
  at(instant: Date): string;
}

export interface DigestPart {
  title: string;
  /** Counts first, then the top items. */
  lines: string[];
  /** Items not shown, and the command that lists them all. */
  more: { count: number; command: string } | null;
}

/** Items shown per section before "…and N more". */
export const TOP_N = 5;

/** The top `TOP_N` of `total` items as lines, and how many more the command lists. */
export function topLines<T>(items: readonly T[], total: number, line: (item: T) => string, command: string): Pick<DigestPart, 'lines' | 'more'> {
  const shown = items.slice(0, TOP_N);
  const rest = total - shown.length;
  return { lines: shown.map(line), more: rest > 0 ? { count: rest, command } : null };
}

/** Counts per key in the given order, keys with none left out: `sev1: 2 · sev3: 1`. */
export function countsLine(order: readonly string[], counts: Readonly<Record<string, number>>): string {
  const parts = order.filter((k) => (counts[k] ?? 0) > 0).map((k) => `${k}: ${counts[k]}`);
  return parts.join(' · ');
}
