import { formatDuration } from '../../../../platform/duration.js';
import { PATCH_SEVERITIES, type PatchDigest } from '../../../patches/index.js';
import { countsLine, topLines, type DigestPart, type Marks } from '../digest-part.js';

const share = (w: { closed: number; withinSla: number }) => (w.closed === 0 ? 'none closed' : `${Math.round((100 * w.withinSla) / w.closed)}% of ${w.closed}`);

/** Patch SLAs: open findings by severity, the overdue ones with their owners, and the share closed within SLA. */
export function patchSection(d: PatchDigest | null, now: Date, m: Marks): DigestPart {
  const title = 'Patch SLAs';
  if (!d) return { title, lines: ['Patch SLAs are not tracked in this version of Warden yet.'], more: null };
  const open = Object.values(d.openBySeverity).reduce((a, b) => a + b, 0);
  const counts = `*${open} open*${open > 0 ? `: ${countsLine(PATCH_SEVERITIES, d.openBySeverity)}` : ''} · *${d.overdueTotal} overdue*`;
  const sla = `Closed within SLA: ${share(d.closedWithinSla.days30)} (30 days), ${share(d.closedWithinSla.days90)} (90 days)`;
  const line = (f: PatchDigest['overdue'][number]) =>
    `• *${m.text(f.id, 40)}* ${f.severity} ${m.text(f.asset, 60)}: ${m.person(f.owner)}, *${formatDuration(now.getTime() - f.dueAt.getTime())} late*`;
  const top = topLines(d.overdue, d.overdueTotal, line, '/patch list overdue');
  return { title, lines: [counts, sla, ...top.lines], more: top.more };
}
