import { describe, expect, it } from 'vitest';
import { formatDuration, metricsJson, metricsText } from '../../../../src/features/metrics/domain/metrics-report.js';
import { responseMetrics } from '../../../../src/features/metrics/domain/response-times.js';

const period = { since: new Date('2026-11-01T00:00:00Z'), until: new Date('2026-12-01T00:00:00Z') };
const T0 = new Date('2026-11-02T09:00:00Z');

describe('the metrics report', () => {
  it('renders durations short: seconds, minutes, hours, days', () => {
    expect([45, 725, 12_000, 187_200, -90].map(formatDuration)).toEqual(['45s', '12m 05s', '3h 20m', '2d 4h', '-1m 30s']);
  });

  it('prints a table per measure, with empty severities as dashes and a severity no longer configured marked', () => {
    const m = responseMetrics(
      [{ id: 'A', severity: 'p0', drill: false, declaredAt: T0, detectedAt: new Date(T0.getTime() - 600_000), firstCommanderAt: T0, firstResolvedAt: new Date(T0.getTime() + 3_600_000), submissions: [] }],
      ['sev1'],
    );
    const text = metricsText(m, period);
    expect(text).toContain('Incidents declared 2026-11-01T00:00:00.000Z to 2026-12-01T00:00:00.000Z: 1 (0 drills left out)');
    expect(text).toMatch(/sev1\s+0\s+0\s+-\s+-\s+-\s+0\s+-\s+-\s+-\s+0/);
    expect(text).toMatch(/p0 \(not configured\)\s+1\s+1\s+10m 00s\s+10m 00s\s+10m 00s\s+1\s+1h 00m\s+1h 00m\s+1h 00m\s+0/);
    expect(text).toContain('Legal submissions: none recorded for these incidents.');
    expect(metricsJson(m, period)).toMatchObject({ since: '2026-11-01T00:00:00.000Z', incidents: 1, bySeverity: [{ severity: 'sev1', mtta: null }, { severity: 'p0', configured: false, mtta: { count: 1, medianSeconds: 600 } }] });
  });
});
