import { formatDuration } from '../../../../platform/duration.js';
import { topLines, type DigestPart, type Marks } from '../digest-part.js';

/** A review or action item past its due time: whose, of which incident, how late. */
export interface OverdueItem {
  incidentId: string;
  /** The action item's id (A1 ...); null for a review. */
  itemId: string | null;
  /** The item's text; null when it must not be shown (a private incident's item) or for a review. */
  text: string | null;
  owner: string;
  dueAt: Date;
}

/** The most overdue first (`items` come that way, at most the top N read), `total` counting them all. */
export interface OverdueList {
  items: readonly OverdueItem[];
  total: number;
}

function overdueSection(title: string, noun: string, list: OverdueList, now: Date, m: Marks, command: string): DigestPart {
  if (list.total === 0) return { title, lines: [`No ${noun} overdue.`], more: null };
  const line = (i: OverdueItem) => {
    const what = i.itemId ? `*${i.incidentId} ${i.itemId}*${i.text ? ` ${m.text(i.text, 80)}` : ''}` : `*${i.incidentId}*`;
    return `• ${what}: ${m.person(i.owner)}, *${formatDuration(now.getTime() - i.dueAt.getTime())} late* (due ${m.at(i.dueAt)})`;
  };
  const top = topLines(list.items, list.total, line, command);
  return { title, lines: [`*${list.total} overdue*`, ...top.lines], more: top.more };
}

/** Post-incident reviews past their due time. */
export const reviewSection = (list: OverdueList, now: Date, m: Marks): DigestPart => overdueSection('Overdue reviews', 'review', list, now, m, '/incident list');

/** Action items past their due time. */
export const actionSection = (list: OverdueList, now: Date, m: Marks): DigestPart =>
  overdueSection('Overdue action items', 'action item', list, now, m, '/incident action list INC-…');
