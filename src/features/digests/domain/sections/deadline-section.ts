import { formatDuration } from '../../../../platform/duration.js';
import { topLines, type DigestPart, type Marks } from '../digest-part.js';

/** A legal stage of an open incident with a due instant, not submitted and not decided. */
export interface LiveDeadline {
  incidentId: string;
  regimeName: string;
  recipient: string;
  due: Date;
}

/** The window ahead the digest warns about. */
export const DEADLINE_WINDOW_MS = 72 * 3_600_000;

/** Missed legal deadlines first (most overdue first), then those due in the next 72 hours (soonest first). */
export function deadlineSection(live: readonly LiveDeadline[], now: Date, m: Marks): DigestPart {
  const title = 'Legal deadlines: missed and due in the next 72 h';
  const t = now.getTime();
  const missed = live.filter((d) => d.due.getTime() <= t);
  const soon = live.filter((d) => d.due.getTime() > t && d.due.getTime() <= t + DEADLINE_WINDOW_MS);
  if (missed.length + soon.length === 0) return { title, lines: ['None missed, none due in the next 72 hours.'], more: null };
  const sorted = [...missed, ...soon].sort((a, b) => a.due.getTime() - b.due.getTime());
  const line = (d: LiveDeadline) => {
    const left = d.due.getTime() - t;
    const when = left <= 0 ? `:red_circle: *missed by ${formatDuration(-left)}*` : `due in ${formatDuration(left)}`;
    return `• *${d.incidentId}* ${m.text(d.regimeName, 60)} → ${m.text(d.recipient, 60)}: ${when} (${m.at(d.due)})`;
  };
  const top = topLines(sorted, sorted.length, line, '/incident deadlines');
  return { title, lines: [`*${missed.length} missed*, *${soon.length} due* in the next 72 hours`, ...top.lines], more: top.more };
}
