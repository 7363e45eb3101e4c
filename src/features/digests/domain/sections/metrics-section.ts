import { TZDate } from '@date-fns/tz';
import { startOfMonth } from 'date-fns/startOfMonth';
import { formatDuration } from '../../../../platform/duration.js';
import type { DigestPart } from '../digest-part.js';

/** What the section reads of one severity's response metrics (the metrics feature's `SeverityMetrics`). */
export interface SeverityTimes {
  severity: string;
  incidents: number;
  unresolved: number;
  mtta: { meanSeconds: number } | null;
  mttr: { meanSeconds: number } | null;
}

/** `now`'s month in `timeZone` (the digest's zone: a Paris month starts at Paris midnight): its first instant and its name. */
export function monthOf(now: Date, timeZone: string): { start: Date; label: string } {
  const start = new Date(startOfMonth(new TZDate(now.getTime(), timeZone)).getTime());
  return { start, label: new Intl.DateTimeFormat('en-GB', { timeZone, month: 'long', year: 'numeric' }).format(now) };
}

const mean = (s: { meanSeconds: number } | null) => (s ? formatDuration(s.meanSeconds * 1000) : '–');

/** MTTA and MTTR (means) of the incidents declared this month, by severity; drills are left out by the metrics. */
export function metricsSection(bySeverity: readonly SeverityTimes[], month: { label: string }): DigestPart {
  const title = `MTTA and MTTR, ${month.label}`;
  const rows = bySeverity.filter((s) => s.incidents > 0);
  if (rows.length === 0) return { title, lines: ['No incidents declared this month.'], more: null };
  const line = (s: SeverityTimes) =>
    `• *${s.severity}*: ${s.incidents} incident${s.incidents === 1 ? '' : 's'}, MTTA ${mean(s.mtta)}, MTTR ${mean(s.mttr)}${s.unresolved > 0 ? ` (${s.unresolved} unresolved)` : ''}`;
  return { title, lines: rows.map(line), more: null };
}
