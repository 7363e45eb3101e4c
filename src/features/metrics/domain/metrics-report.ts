import type { Period } from './period.js';
import type { ResponseMetrics } from './response-times.js';
import type { Summary } from './summary.js';

/** `45s`, `12m 05s`, `3h 20m`, `2d 4h`: short enough for a table, exact enough to compare. */
export function formatDuration(totalSeconds: number): string {
  const sign = totalSeconds < 0 ? '-' : '';
  const s = Math.round(Math.abs(totalSeconds));
  const [d, h, m, sec] = [Math.floor(s / 86_400), Math.floor((s % 86_400) / 3600), Math.floor((s % 3600) / 60), s % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  if (d > 0) return `${sign}${d}d ${h}h`;
  if (h > 0) return `${sign}${h}h ${two(m)}m`;
  if (m > 0) return `${sign}${m}m ${two(sec)}s`;
  return `${sign}${sec}s`;
}

const cells = (s: Summary | null): string[] => (s ? [String(s.count), formatDuration(s.medianSeconds), formatDuration(s.p90Seconds), formatDuration(s.meanSeconds)] : ['0', '-', '-', '-']);

function table(rows: string[][]): string[] {
  const width = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(width[c] ?? 0)).join('  ').trimEnd());
}

/** The metrics as people read them: one table per measure, durations humanised. */
export function metricsText(m: ResponseMetrics, period: Period): string {
  const head = [
    `Incidents declared ${period.since.toISOString()} to ${period.until.toISOString()}: ${m.incidents} (${m.drillsExcluded} drill${m.drillsExcluded === 1 ? '' : 's'} left out)`,
    'MTTA: detection (or declaration) to first commander. MTTR: declaration to first resolution.',
  ];
  const sev = [['severity', 'incidents', 'mtta n', 'median', 'p90', 'mean', 'mttr n', 'median', 'p90', 'mean', 'unresolved']];
  for (const s of m.bySeverity) sev.push([s.configured ? s.severity : `${s.severity} (not configured)`, String(s.incidents), ...cells(s.mtta), ...cells(s.mttr), String(s.unresolved)]);
  const legal = [['regime', 'stage', 'submitted', 'median', 'p90', 'mean']];
  for (const l of m.legal) legal.push([l.regimeId, l.stageId, ...cells(l.submission)]);
  const legalPart = m.legal.length > 0 ? ['', 'Legal submissions: declaration to the recorded submission', ...table(legal)] : ['', 'Legal submissions: none recorded for these incidents.'];
  return [...head, '', ...table(sev), ...legalPart].join('\n');
}

const round = (s: Summary | null) => (s ? { count: s.count, medianSeconds: round3(s.medianSeconds), p90Seconds: round3(s.p90Seconds), meanSeconds: round3(s.meanSeconds) } : null);
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** The metrics for machines: ISO instants, seconds, null for "no incidents". */
export function metricsJson(m: ResponseMetrics, period: Period) {
  return {
    since: period.since.toISOString(),
    until: period.until.toISOString(),
    incidents: m.incidents,
    drillsExcluded: m.drillsExcluded,
    bySeverity: m.bySeverity.map((s) => ({ severity: s.severity, configured: s.configured, incidents: s.incidents, unresolved: s.unresolved, mtta: round(s.mtta), mttr: round(s.mttr) })),
    legal: m.legal.map((l) => ({ regime: l.regimeId, stage: l.stageId, submission: round(l.submission) })),
  };
}
