import { summarize, type Summary } from './summary.js';

/** One legal notification stage of an incident, as recorded submitted. */
export interface SubmissionTimes {
  regimeId: string;
  stageId: string;
  submittedAt: Date;
}

/** What the response metrics need of one incident (read from the stored record; no clock involved). */
export interface IncidentTimes {
  id: string;
  severity: string;
  drill: boolean;
  declaredAt: Date;
  /** When it was detected, if recorded (the `detected` clock event, else the declare form's detected time). */
  detectedAt: Date | null;
  /** The earliest commander assignment (the declaration, since the declarer becomes commander). */
  firstCommanderAt: Date | null;
  /** The first time it was resolved (a reopened incident keeps its first resolution); null if never. */
  firstResolvedAt: Date | null;
  submissions: readonly SubmissionTimes[];
}

export interface SeverityMetrics {
  severity: string;
  /** False for a severity warden.yaml no longer configures (its incidents are still counted, under it). */
  configured: boolean;
  incidents: number;
  /** Incidents never resolved: left out of MTTR. */
  unresolved: number;
  mtta: Summary | null;
  mttr: Summary | null;
}

export interface StageMetrics {
  regimeId: string;
  stageId: string;
  /** Declaration to the recorded submission. */
  submission: Summary;
}

export interface ResponseMetrics {
  /** Incidents counted (drills excluded). */
  incidents: number;
  drillsExcluded: number;
  bySeverity: SeverityMetrics[];
  legal: StageMetrics[];
}

const seconds = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 1000;

/** When the response started: detection when recorded and earlier than the declaration, else the declaration. */
export const responseStart = (i: IncidentTimes): Date => (i.detectedAt && i.detectedAt < i.declaredAt ? i.detectedAt : i.declaredAt);

/** Time to acknowledge: from the start of the response to its first commander; null without one. */
export const mttaSeconds = (i: IncidentTimes): number | null => (i.firstCommanderAt ? Math.max(0, seconds(responseStart(i), i.firstCommanderAt)) : null);

/** Time to resolve: from the declaration to the first resolution; null while never resolved. */
export const mttrSeconds = (i: IncidentTimes): number | null => (i.firstResolvedAt ? Math.max(0, seconds(i.declaredAt, i.firstResolvedAt)) : null);

const present = (xs: readonly (number | null)[]): number[] => xs.filter((x): x is number => x !== null);

/**
 * MTTA and MTTR per severity, and declaration-to-submission per legal stage, of the given incidents (drills
 * left out). Severities come in `configured` order (most severe first), then any no longer configured, by
 * name; every configured severity is listed, with empty summaries when none had incidents. Pure.
 */
export function responseMetrics(incidents: readonly IncidentTimes[], configured: readonly string[]): ResponseMetrics {
  const real = incidents.filter((i) => !i.drill);
  const stored = [...new Set(real.map((i) => i.severity))].filter((s) => !configured.includes(s)).sort();
  const bySeverity = [...configured, ...stored].map((severity): SeverityMetrics => {
    const mine = real.filter((i) => i.severity === severity);
    const mttr = mine.map(mttrSeconds);
    return {
      severity,
      configured: configured.includes(severity),
      incidents: mine.length,
      unresolved: mttr.filter((x) => x === null).length,
      mtta: summarize(present(mine.map(mttaSeconds))),
      mttr: summarize(present(mttr)),
    };
  });
  return { incidents: real.length, drillsExcluded: incidents.length - real.length, bySeverity, legal: legalMetrics(real) };
}

function legalMetrics(incidents: readonly IncidentTimes[]): StageMetrics[] {
  const byStage = new Map<string, { regimeId: string; stageId: string; values: number[] }>();
  for (const i of incidents) {
    for (const s of i.submissions) {
      const key = `${s.regimeId}\u0000${s.stageId}`;
      const group = byStage.get(key) ?? { regimeId: s.regimeId, stageId: s.stageId, values: [] };
      group.values.push(seconds(i.declaredAt, s.submittedAt));
      byStage.set(key, group);
    }
  }
  return [...byStage.values()]
    .sort((a, b) => a.regimeId.localeCompare(b.regimeId) || a.stageId.localeCompare(b.stageId))
    .flatMap(({ regimeId, stageId, values }) => {
      const submission = summarize(values);
      return submission ? [{ regimeId, stageId, submission }] : [];
    });
}
