import { countsLine, TOP_N, topLines, type DigestPart, type Marks } from '../digest-part.js';

/** An open incident as the digest reads it. */
export interface OpenIncident {
  id: string;
  severity: string;
  title: string;
  status: string;
  private: boolean;
  drill: boolean;
  declaredAt: Date;
}

/**
 * What the section shows of the open incidents: how many of each severity (`extra`: the severities open but not
 * configured, most recently declared first) and the top N in its order. A store reads it through indexes.
 */
export interface OpenSummary {
  counts: Readonly<Record<string, number>>;
  extra: readonly string[];
  top: readonly OpenIncident[];
  /** Open drills: left out of the counts and the top, and said apart so nobody wonders where they went. */
  drills: number;
}

/** Most severe first (configured order), then the oldest. */
export function bySeverity(order: readonly string[]) {
  const rank = (s: string) => (order.includes(s) ? order.indexOf(s) : order.length);
  return (a: OpenIncident, b: OpenIncident) => rank(a.severity) - rank(b.severity) || a.declaredAt.getTime() - b.declaredAt.getTime();
}

/** The summary of a whole list of open incidents (newest first, as a store lists them), drills counted apart. */
export function summarize(all: readonly OpenIncident[], severities: readonly string[]): OpenSummary {
  const open = all.filter((i) => !i.drill);
  const counts: Record<string, number> = {};
  for (const i of open) counts[i.severity] = (counts[i.severity] ?? 0) + 1;
  const extra = [...new Set(open.map((i) => i.severity))].filter((s) => !severities.includes(s));
  return { counts, extra, top: [...open].sort(bySeverity(severities)).slice(0, TOP_N), drills: all.length - open.length };
}

const drillNote = (n: number) => (n === 0 ? '' : ` (${n} drill${n === 1 ? '' : 's'} open, not counted)`);

/** Open incidents by severity, drills left out (and said apart); a private one is counted and named by its id, never titled. */
export function incidentSection(open: readonly OpenIncident[] | OpenSummary, severities: readonly string[], m: Marks): DigestPart {
  const title = 'Open incidents';
  const { counts, extra, top, drills } = 'top' in open ? open : summarize(open, severities);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (total === 0) return { title, lines: [`None open.${drillNote(drills)}`], more: null };
  const line = (i: OpenIncident) =>
    `• *${i.id}* ${i.severity} ${i.status}: ${i.private ? '_private_' : m.text(i.title, 80)}, declared ${m.at(i.declaredAt)}`;
  const shown = topLines(top, total, line, '/incident list');
  return { title, lines: [`*${total} open*: ${countsLine([...severities, ...extra], counts)}${drillNote(drills)}`, ...shown.lines], more: shown.more };
}
