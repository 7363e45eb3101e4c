/** Plain-text and JSON views of computed deadlines, shared by `warden deadlines` and any text surface. */
import { formatLocal, formatTimeLeft, formatUtc } from './format-instant.js';
import type { Regime } from './regime.js';
import type { DueRule, StageDeadline } from './stage-deadline.js';

/** The stable JSON shape of one stage deadline (`warden deadlines --json`). Instants are ISO 8601 UTC. */
export interface DeadlineJson {
  regime: string;
  regimeName: string;
  regimeStatus: string;
  stage: string;
  recipient: string;
  anchor: string;
  anchorAt: string | null;
  clock: string;
  offset: string | null;
  /** null when the stage has no fixed period or its anchor is not known yet. */
  due: string | null;
  dueLocal: string | null;
  dueKind: string;
  backstopDue: string | null;
  status: string;
  waitingFor: string | null;
  timeLeftMs: number | null;
  submittedAt: string | null;
  submittedLate: boolean | null;
  condition: string | null;
  hardDeadline: boolean;
  verification: string;
  citation: string;
  zone: string;
  holidays: string;
  basis: readonly string[];
  /** What produced `due` beyond the period: filing cut-off, weekend relief (applied, refused and why), the zone that read the event's date. */
  rule: DueRule;
  warnings: readonly string[];
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function deadlineToJson(s: StageDeadline): DeadlineJson {
  return {
    regime: s.regimeId,
    regimeName: s.regimeName,
    regimeStatus: s.regimeStatus,
    stage: s.stageId,
    recipient: s.recipient,
    anchor: s.anchor,
    anchorAt: iso(s.anchorAt),
    clock: s.clock,
    offset: s.offset,
    due: iso(s.due),
    dueLocal: s.due ? formatLocal(s.due, s.zone) : null,
    dueKind: s.dueKind,
    backstopDue: iso(s.backstopDue),
    status: s.status,
    waitingFor: s.waitingFor,
    timeLeftMs: s.timeLeftMs,
    submittedAt: iso(s.submittedAt),
    submittedLate: s.submittedLate,
    condition: s.condition,
    hardDeadline: s.hardDeadline,
    verification: s.verification,
    citation: s.citation,
    zone: s.zone,
    holidays: s.holidays,
    basis: s.basis,
    rule: s.rule,
    warnings: s.warnings,
  };
}

/** A regime's header lines: name, status, zone, calendar, verification and citation. */
export function describeRegime(r: Regime): string[] {
  const lines = [`${r.name} [${r.id}]`];
  if (r.status === 'proposed') lines.push(`PROPOSED rule, not law yet${r.statusNote ? `: ${r.statusNote}` : ''}`);
  lines.push(`zone ${r.jurisdiction.zone}, holidays ${r.jurisdiction.holidays}, verification ${r.verification}`);
  lines.push(`citation: ${r.citation}`);
  return lines;
}

/** One stage as a few indented lines: due (UTC and local), the rule, the status, notes and condition. */
export function describeDeadline(s: StageDeadline, shownWarnings: readonly string[] = []): string[] {
  const lines = [`${s.stageId} -> ${s.recipient}`];
  if (s.due) {
    const internal = s.dueKind === 'internal' ? '  INTERNAL target, not law' : '';
    lines.push(`  due    ${formatUtc(s.due)}  (${formatLocal(s.due, s.zone)})${internal}`);
  } else {
    lines.push(`  due    ${s.waitingFor ? `not running: waiting for ${s.waitingFor}` : 'no fixed period'}`);
  }
  const rule = s.offset ? `${s.offset} ${s.clock} from ${s.anchor}` : `no fixed period from ${s.anchor}`;
  lines.push(`  rule   ${rule}; ${s.dueKind}; verification ${s.verification}${s.hardDeadline ? '' : '; where feasible'}`);
  lines.push(`  status ${statusText(s)}`);
  // The first basis line restates the rule or the wait, already shown above.
  const skip = (s.due && s.dueKind === 'legal') || s.waitingFor ? 1 : 0;
  for (const b of s.basis.slice(skip)) lines.push(`  note   ${b}`);
  if (s.condition) lines.push(`  if     ${s.condition}`);
  for (const w of s.warnings.filter((x) => !shownWarnings.includes(x))) lines.push(`  WARN   ${w}`);
  return lines;
}

function statusText(s: StageDeadline): string {
  if (s.status === 'submitted' && s.submittedAt) return `submitted ${formatUtc(s.submittedAt)}${s.submittedLate ? ' (late)' : ''}`;
  if (s.status === 'not_notifiable' && s.notNotifiable) return `not notifiable: ${s.notNotifiable.reason}`;
  if (s.timeLeftMs !== null) return `${s.status}, ${formatTimeLeft(s.timeLeftMs)}`;
  return s.status;
}
