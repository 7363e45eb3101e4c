import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { cachedWindow, CACHE_MS, registerResponseSeries } from '../../../../src/features/metrics/app/prometheus-series.js';
import type { Period } from '../../../../src/features/metrics/domain/period.js';
import type { IncidentTimes } from '../../../../src/features/metrics/domain/response-times.js';
import { ManualClock } from '../../../../src/platform/clock.js';

const T0 = new Date('2026-11-22T09:00:00Z');
const incident = (over: Partial<IncidentTimes> = {}): IncidentTimes => ({
  id: 'A', severity: 'sev1', drill: false, declaredAt: T0, detectedAt: null, firstCommanderAt: T0, firstResolvedAt: new Date(T0.getTime() + 3_600_000), submissions: [], ...over,
});

function countingSource(rows: IncidentTimes[]) {
  const asked: Period[] = [];
  return { asked, declaredIn: (p: Period) => (asked.push(p), rows) };
}

describe('the /metrics window', () => {
  it('when scrapes come within a minute, then the window is read once; later, it is read again for the new 30 days', () => {
    const clock = new ManualClock('2026-12-01T00:00:00Z');
    const source = countingSource([incident()]);
    const rows = cachedWindow(source, clock);
    rows();
    clock.advance(CACHE_MS - 1);
    rows();
    expect(source.asked).toHaveLength(1);
    expect(source.asked[0]).toEqual({ since: new Date('2026-11-01T00:00:00Z'), until: new Date('2026-12-01T00:00:00Z') });
    clock.advance(1);
    rows();
    expect(source.asked).toHaveLength(2);
  });

  it('when drills are in the window, then the histograms leave them out; an unresolved incident has an MTTA but no MTTR', async () => {
    const registry = new Registry();
    const rows = [incident(), incident({ id: 'D', drill: true }), incident({ id: 'B', severity: 'sev2', firstResolvedAt: null })];
    registerResponseSeries(registry, cachedWindow({ declaredIn: () => rows }, new ManualClock('2026-12-01T00:00:00Z')));
    const text = await registry.metrics();
    expect(text).toContain('warden_incident_mttr_seconds_count{severity="sev1"} 1');
    expect(text).toContain('warden_incident_mttr_seconds_sum{severity="sev1"} 3600');
    expect(text).toContain('warden_incident_mtta_seconds_count{severity="sev2"} 1');
    expect(text).not.toContain('warden_incident_mttr_seconds_count{severity="sev2"}');
  });
});
