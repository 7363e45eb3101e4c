import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { BUCKET_COUNT, BUCKETS, cachedWindow, CACHE_MS, registerResponseSeries } from '../../../../src/features/metrics/app/prometheus-series.js';
import type { Period } from '../../../../src/features/metrics/domain/period.js';
import type { SeriesCounts } from '../../../../src/features/metrics/domain/window-counts.js';
import { ManualClock } from '../../../../src/platform/clock.js';

const counts = (over: Partial<SeriesCounts> & Pick<SeriesCounts, 'series' | 'labelA'>, at: Record<number, number>): SeriesCounts => {
  const buckets = new Array<number>(BUCKET_COUNT).fill(0);
  for (const [i, n] of Object.entries(at)) buckets[Number(i)] = n;
  return { labelB: '', buckets, count: buckets.reduce((a, b) => a + b, 0), sumMs: 0, ...over };
};

function countingSource(rows: SeriesCounts[]) {
  const asked: Period[] = [];
  return { asked, countsIn: (p: Period) => (asked.push(p), rows) };
}

describe('the /metrics window', () => {
  it('when scrapes come within a minute, then the window is read once; later, it is read again for the new 30 days', () => {
    const clock = new ManualClock('2026-12-01T00:00:00Z');
    const source = countingSource([]);
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

  it('when counts are given per bucket, then each series shows cumulative buckets, +Inf, the sum in seconds and the count', async () => {
    const registry = new Registry();
    const window = [
      counts({ series: 'mttr', labelA: 'sev1', sumMs: 3_600_500 }, { 4: 1 }),
      counts({ series: 'mtta', labelA: 'sev2', sumMs: 90_000 }, { 0: 1, 1: 2, [BUCKET_COUNT - 1]: 1 }),
      counts({ series: 'legal', labelA: 'gdpr', labelB: 'supervisory_authority', sumMs: 7_200_000 }, { 5: 1 }),
    ];
    registerResponseSeries(registry, () => window);
    const text = await registry.metrics();
    expect(text).toContain('# TYPE warden_incident_mttr_seconds histogram');
    expect(text).toContain('warden_incident_mttr_seconds_bucket{le="1800",severity="sev1"} 0');
    expect(text).toContain('warden_incident_mttr_seconds_bucket{le="3600",severity="sev1"} 1');
    expect(text).toContain('warden_incident_mttr_seconds_sum{severity="sev1"} 3600.5');
    expect(text).toContain('warden_incident_mttr_seconds_count{severity="sev1"} 1');
    expect(text).not.toContain('warden_incident_mttr_seconds_count{severity="sev2"}');
    expect(text).toContain('warden_incident_mtta_seconds_bucket{le="60",severity="sev2"} 1');
    expect(text).toContain('warden_incident_mtta_seconds_bucket{le="300",severity="sev2"} 3');
    expect(text).toContain(`warden_incident_mtta_seconds_bucket{le="${BUCKETS.at(-1)}",severity="sev2"} 3`);
    expect(text).toContain('warden_incident_mtta_seconds_bucket{le="+Inf",severity="sev2"} 4');
    expect(text).toContain('warden_incident_mtta_seconds_count{severity="sev2"} 4');
    expect(text).toContain('warden_legal_submission_seconds_bucket{le="7200",regime="gdpr",stage="supervisory_authority"} 1');
    expect(text).toContain('warden_legal_submission_seconds_sum{regime="gdpr",stage="supervisory_authority"} 7200');
  });

  it('writes the same text as a prom-client histogram that observed the same values', async () => {
    const { Histogram } = await import('prom-client');
    const [ours, theirs] = [new Registry(), new Registry()];
    registerResponseSeries(ours, () => [counts({ series: 'mtta', labelA: 'sev1', sumMs: 1_000_000 + 2_000 }, { 0: 1, 3: 1 })]);
    const h = new Histogram({ name: 'warden_incident_mtta_seconds', help: 'x', labelNames: ['severity'], buckets: [...BUCKETS], registers: [theirs] });
    h.observe({ severity: 'sev1' }, 2);
    h.observe({ severity: 'sev1' }, 1000);
    const lines = (text: string) => text.split('\n').filter((l) => l.startsWith('warden_incident_mtta_seconds'));
    expect(lines(await ours.metrics())).toEqual(lines(await theirs.metrics()));
  });
});
