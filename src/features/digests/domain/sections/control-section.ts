import { formatDuration } from '../../../../platform/duration.js';
import type { ControlDigest } from '../../../access-reviews/index.js';
import { TOP_N, topLines, type DigestPart, type Marks } from '../digest-part.js';

/** Access reviews and other controls past their due time, and the controls nobody owns. */
export function controlSection(d: ControlDigest | null, now: Date, m: Marks): DigestPart {
  const title = 'Access reviews and controls';
  if (!d) return { title, lines: ['Access reviews are not tracked in this version of Warden yet.'], more: null };
  const line = (c: ControlDigest['overdue'][number]) =>
    `• *${m.text(c.name, 60)}* (${c.type === 'access-review' ? 'access review' : 'control'}): ${c.owner ? m.person(c.owner) : '_no owner_'}, *${formatDuration(now.getTime() - c.dueAt.getTime())} late*`;
  const top = topLines(d.overdue, d.overdueTotal, line, '/access-review list');
  const unowned = d.unowned.length === 0 ? [] : [`Unowned: ${d.unowned.slice(0, TOP_N).map((n) => m.text(n, 40)).join(', ')}${d.unowned.length > TOP_N ? ` and ${d.unowned.length - TOP_N} more` : ''}`];
  return { title, lines: [`*${d.overdueTotal} overdue*`, ...top.lines, ...unowned], more: top.more };
}
