import { describe, expect, it } from 'vitest';
import { mttaSeconds, mttrSeconds, responseMetrics, responseStart, type IncidentTimes } from '../../../../src/features/metrics/domain/response-times.js';
import { summarize } from '../../../../src/features/metrics/domain/summary.js';

const T0 = new Date('2026-11-02T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4'];

/** An incident declared at T0 by its commander, resolved `resolvedAfter` minutes later (null: never). */
function anIncident(over: Partial<IncidentTimes> & { resolvedAfter?: number | null } = {}): IncidentTimes {
  const { resolvedAfter = 60, ...rest } = over;
  return {
    id: 'INC-2026-0001', severity: 'sev1', drill: false, declaredAt: T0, detectedAt: null, firstCommanderAt: T0,
    firstResolvedAt: resolvedAfter === null ? null : at(resolvedAfter), submissions: [], ...rest,
  };
}

describe('summaries of durations', () => {
  it('when there are no values, then there is no summary (not zeros)', () => {
    expect(summarize([])).toBeNull();
  });

  it('when there is one value, then it is the mean, the median and the p90', () => {
    expect(summarize([42])).toEqual({ count: 1, meanSeconds: 42, medianSeconds: 42, p90Seconds: 42 });
  });

  it('when the count is even, then the median is the mean of the two middle values; p90 is the nearest rank', () => {
    expect(summarize([40, 10, 30, 20])).toEqual({ count: 4, meanSeconds: 25, medianSeconds: 25, p90Seconds: 40 });
  });

  it('when there are ten values, then p90 is the ninth smallest; with eleven, the tenth', () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100];
    expect(summarize(ten)).toMatchObject({ medianSeconds: 5.5, p90Seconds: 9, meanSeconds: 14.5 });
    expect(summarize([...ten, 200])).toMatchObject({ medianSeconds: 6, p90Seconds: 100 });
  });
});

describe('MTTA and MTTR of one incident', () => {
  it('when detection was recorded before the declaration, then MTTA runs from detection to the first commander', () => {
    const i = anIncident({ detectedAt: at(-45) });
    expect(responseStart(i)).toEqual(at(-45));
    expect(mttaSeconds(i)).toBe(45 * 60);
  });

  it('when no detection was recorded, then the declarer is commander at once: MTTA is zero', () => {
    expect(mttaSeconds(anIncident())).toBe(0);
  });

  it('when the detection time is after the declaration, then the declaration is the start (it cannot have started later)', () => {
    expect(responseStart(anIncident({ detectedAt: at(10) }))).toEqual(T0);
    expect(mttaSeconds(anIncident({ detectedAt: at(10) }))).toBe(0);
  });

  it('when the first commander came later than the start, then MTTA is that gap; with no commander, there is none', () => {
    expect(mttaSeconds(anIncident({ detectedAt: at(-5), firstCommanderAt: at(7) }))).toBe(12 * 60);
    expect(mttaSeconds(anIncident({ firstCommanderAt: null }))).toBeNull();
  });

  it('when resolved, then MTTR runs from the declaration (not the detection) to the first resolution', () => {
    expect(mttrSeconds(anIncident({ detectedAt: at(-45), resolvedAfter: 90 }))).toBe(90 * 60);
    expect(mttrSeconds(anIncident({ resolvedAfter: null }))).toBeNull();
  });
});

describe('response metrics of a set of incidents', () => {
  it('when there are no incidents, then every configured severity is listed with nothing to summarise', () => {
    const m = responseMetrics([], SEVERITIES);
    expect(m).toMatchObject({ incidents: 0, drillsExcluded: 0, legal: [] });
    expect(m.bySeverity.map((s) => [s.severity, s.incidents, s.mtta, s.mttr])).toEqual(SEVERITIES.map((s) => [s, 0, null, null]));
  });

  it('when there is one incident, then its severity has its times and the others nothing', () => {
    const m = responseMetrics([anIncident({ severity: 'sev2', detectedAt: at(-30), resolvedAfter: 120 })], SEVERITIES);
    const sev2 = m.bySeverity.find((s) => s.severity === 'sev2');
    expect(sev2).toEqual({
      severity: 'sev2', configured: true, incidents: 1, unresolved: 0,
      mtta: { count: 1, meanSeconds: 1800, medianSeconds: 1800, p90Seconds: 1800 },
      mttr: { count: 1, meanSeconds: 7200, medianSeconds: 7200, p90Seconds: 7200 },
    });
    expect(m.bySeverity.find((s) => s.severity === 'sev1')?.incidents).toBe(0);
  });

  it('when some incidents are drills, then they are left out of every figure and counted as left out', () => {
    const m = responseMetrics([anIncident({ resolvedAfter: 10 }), anIncident({ id: 'D', drill: true, resolvedAfter: 1000, submissions: [{ regimeId: 'gdpr', stageId: 'supervisory_authority', submittedAt: at(5) }] })], SEVERITIES);
    expect(m).toMatchObject({ incidents: 1, drillsExcluded: 1, legal: [] });
    expect(m.bySeverity[0]?.mttr).toMatchObject({ count: 1, meanSeconds: 600 });
  });

  it('when an incident was reopened, then MTTR uses its first resolution', () => {
    // Resolved after 30 minutes, reopened, resolved again after 5 hours: the store gives the first resolution.
    const m = responseMetrics([anIncident({ resolvedAfter: 30 })], SEVERITIES);
    expect(m.bySeverity[0]?.mttr?.medianSeconds).toBe(1800);
  });

  it('when an incident is unresolved, then it counts for MTTA and as unresolved, not for MTTR', () => {
    const m = responseMetrics([anIncident({ resolvedAfter: 60 }), anIncident({ id: 'B', resolvedAfter: null, detectedAt: at(-20) })], SEVERITIES);
    expect(m.bySeverity[0]).toMatchObject({ incidents: 2, unresolved: 1, mtta: { count: 2, medianSeconds: 600 }, mttr: { count: 1, medianSeconds: 3600 } });
  });

  it('when a severity is no longer configured, then its incidents are still counted, under it, after the configured ones', () => {
    const m = responseMetrics([anIncident({ severity: 'p0' }), anIncident({ severity: 'critical' }), anIncident({ severity: 'sev1' })], ['sev1', 'sev2']);
    expect(m.bySeverity.map((s) => [s.severity, s.configured, s.incidents])).toEqual([['sev1', true, 1], ['sev2', true, 0], ['critical', false, 1], ['p0', false, 1]]);
  });

  it('when legal stages were submitted, then each regime and stage gets declaration-to-submission times', () => {
    const gdpr = (after: number) => ({ regimeId: 'gdpr', stageId: 'supervisory_authority', submittedAt: at(after) });
    const m = responseMetrics(
      [
        anIncident({ submissions: [gdpr(60 * 24), { regimeId: 'dora', stageId: 'initial', submittedAt: at(240) }] }),
        anIncident({ id: 'B', detectedAt: at(-600), submissions: [gdpr(60 * 48)] }),
        anIncident({ id: 'C' }),
      ],
      SEVERITIES,
    );
    expect(m.legal).toEqual([
      { regimeId: 'dora', stageId: 'initial', submission: { count: 1, meanSeconds: 14_400, medianSeconds: 14_400, p90Seconds: 14_400 } },
      { regimeId: 'gdpr', stageId: 'supervisory_authority', submission: { count: 2, meanSeconds: 129_600, medianSeconds: 129_600, p90Seconds: 172_800 } },
    ]);
  });
});
