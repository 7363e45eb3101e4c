/**
 * Patch SLA math. Pure: instants in, instants out, the company's zone as a parameter.
 *
 * An SLA of whole days counts like a legal day count: the finding is due at the end (23:59:59.999) of the
 * company-zone day that is N calendar days after the day of discovery (discovered Tuesday 10:00 with 7d: due the
 * next Tuesday 23:59:59.999 local, across a DST change too). An SLA with a part of a day (`12h`, `36h`) is elapsed
 * time: discovery + SLA, to the millisecond.
 */
import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { endOfDay } from 'date-fns/endOfDay';
import type { PatchSeverity } from './patch-severity.js';

const DAY = 86_400_000;

/** When a finding discovered at `discoveredAt` is due under an SLA of `slaMs`. */
export function slaDue(discoveredAt: Date, slaMs: number, zone: string): Date {
  if (slaMs % DAY !== 0) return new Date(discoveredAt.getTime() + slaMs);
  const day = addDays(new TZDate(discoveredAt.getTime(), zone), slaMs / DAY);
  return new Date(endOfDay(day).getTime());
}

/** The end of a company-zone calendar day given as `YYYY-MM-DD` (the KEV catalog's due dates). */
export function endOfLocalDate(date: string, zone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(endOfDay(new TZDate(y, m - 1, d, 12, 0, 0, zone)).getTime());
}

/** Why a finding is due when it is: its severity's SLA, the critical SLA (a known exploited CVE), or CISA's own date. */
export type DueBasis = { kind: 'sla' } | { kind: 'kev-critical'; cve: string } | { kind: 'kev-date'; cve: string; kevDue: string };

export interface DueInput {
  severity: PatchSeverity;
  discoveredAt: Date;
  /** The earliest KEV entry among the finding's CVEs, or null when none is known exploited. */
  kev: { cve: string; dueDate: string } | null;
}

export interface SlaTable {
  slaMs: Readonly<Record<PatchSeverity, number>>;
  zone: string;
}

/**
 * The due time and its basis. A known exploited CVE gets the critical SLA or the catalog's due date, whichever
 * is earlier, and never later than its own severity's SLA. Always counted from discovery, so a severity change
 * or a catalog loaded later gives the same answer as if it had been known at discovery.
 */
export function dueOf(input: DueInput, table: SlaTable): { dueAt: Date; basis: DueBasis } {
  const own = slaDue(input.discoveredAt, table.slaMs[input.severity], table.zone);
  if (!input.kev) return { dueAt: own, basis: { kind: 'sla' } };
  const critical = slaDue(input.discoveredAt, table.slaMs.critical, table.zone);
  const kevDue = endOfLocalDate(input.kev.dueDate, table.zone);
  const candidates: { dueAt: Date; basis: DueBasis }[] = [
    { dueAt: own, basis: { kind: 'sla' } },
    { dueAt: critical, basis: { kind: 'kev-critical', cve: input.kev.cve } },
    { dueAt: kevDue, basis: { kind: 'kev-date', cve: input.kev.cve, kevDue: input.kev.dueDate } },
  ];
  // The earliest wins; on a tie the plainer reason (own SLA, then the critical SLA) is the one shown.
  return candidates.reduce((best, c) => (c.dueAt.getTime() < best.dueAt.getTime() ? c : best));
}

/** The earliest-due KEV entry among a finding's CVEs (`YYYY-MM-DD` sorts as dates), or null. */
export function earliestKev(cves: readonly string[], lookup: (cve: string) => { dueDate: string } | null): { cve: string; dueDate: string } | null {
  let best: { cve: string; dueDate: string } | null = null;
  for (const cve of cves) {
    const entry = lookup(cve.toUpperCase());
    if (entry && (!best || entry.dueDate < best.dueDate)) best = { cve: cve.toUpperCase(), dueDate: entry.dueDate };
  }
  return best;
}

/** A closed finding met its SLA when it was closed at or before its due time. */
export const closedWithinSla = (doneAt: Date, dueAt: Date): boolean => doneAt.getTime() <= dueAt.getTime();

/** The basis in words, for `/patch show`, the DM and the list. */
export function basisText(basis: DueBasis): string | null {
  if (basis.kind === 'sla') return null;
  if (basis.kind === 'kev-critical') return `${basis.cve} is in CISA's Known Exploited Vulnerabilities catalog: critical SLA`;
  return `${basis.cve} is in CISA's Known Exploited Vulnerabilities catalog: due by CISA's date ${basis.kevDue}`;
}
