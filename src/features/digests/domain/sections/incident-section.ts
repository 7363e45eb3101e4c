import { countsLine, topLines, type DigestPart, type Marks } from '../digest-part.js';

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

/** Most severe first (configured order), then the oldest. */
function bySeverity(order: readonly string[]) {
  const rank = (s: string) => (order.includes(s) ? order.indexOf(s) : order.length);
  return (a: OpenIncident, b: OpenIncident) => rank(a.severity) - rank(b.severity) || a.declaredAt.getTime() - b.declaredAt.getTime();
}

/** Open incidents by severity; a private one is counted and named by its id, never titled. */
export function incidentSection(open: readonly OpenIncident[], severities: readonly string[], m: Marks): DigestPart {
  const title = 'Open incidents';
  if (open.length === 0) return { title, lines: ['None open.'], more: null };
  const counts: Record<string, number> = {};
  for (const i of open) counts[i.severity] = (counts[i.severity] ?? 0) + 1;
  const extra = [...new Set(open.map((i) => i.severity))].filter((s) => !severities.includes(s));
  const sorted = [...open].sort(bySeverity(severities));
  const line = (i: OpenIncident) =>
    `• *${i.id}* ${i.severity}${i.drill ? ' (drill)' : ''} ${i.status}: ${i.private ? '_private_' : m.text(i.title, 80)}, declared ${m.at(i.declaredAt)}`;
  const top = topLines(sorted, open.length, line, '/incident list');
  return { title, lines: [`*${open.length} open*: ${countsLine([...severities, ...extra], counts)}`, ...top.lines], more: top.more };
}
