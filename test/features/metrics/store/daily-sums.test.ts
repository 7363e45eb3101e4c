import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALL_MIGRATIONS } from '../../../../src/compose-features.js';
import { BUCKET_COUNT, WINDOW_DAYS } from '../../../../src/features/metrics/app/prometheus-series.js';
import { trailing } from '../../../../src/features/metrics/domain/period.js';
import { responseHistogramsRead } from '../../../../src/features/metrics/store/response-histograms-read.js';
import { migrate, openDb, type Db } from '../../../../src/platform/db/db.js';
import { ManualClock } from '../../../../src/platform/clock.js';
import { historyWriter } from '../support/history.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
let db: Db;
let w: ReturnType<typeof historyWriter>;
const clock = new ManualClock('2026-12-02T10:15:00.000Z');
const at = (iso: string) => Date.parse(iso);

beforeEach(() => {
  db = openDb(':memory:');
  migrate(db, ALL_MIGRATIONS);
  w = historyWriter(db);
  clock.set('2026-12-02T10:15:00.000Z');
});
afterEach(() => db.close());

/** The window's figures as `series severity-or-regime[/stage]` -> `count, sum in seconds`. */
function figures(): Record<string, string> {
  const counts = responseHistogramsRead(db, BUCKET_COUNT).countsIn(trailing(clock.now(), WINDOW_DAYS));
  return Object.fromEntries(counts.map((c) => [`${c.series} ${c.labelA}${c.labelB ? `/${c.labelB}` : ''}`, `${c.count}, ${c.sumMs / 1000}s`]));
}

describe('the daily sums the /metrics histograms read', () => {
  it('when incidents are declared at the window edges, then one at its start counts, one just before or at its end does not', () => {
    w.incident('START', { declaredMs: at('2026-11-02T10:15:00.000Z'), severity: 'sev1' });
    w.incident('BEFORE', { declaredMs: at('2026-11-02T10:14:59.999Z'), severity: 'sev2' });
    w.incident('MIDDLE', { declaredMs: at('2026-11-20T00:00:00.000Z'), severity: 'sev3' });
    w.incident('FUTURE', { declaredMs: at('2026-12-02T10:15:00.000Z'), severity: 'sev4' });
    expect(figures()).toEqual({ 'mtta sev1': '1, 0s', 'mtta sev3': '1, 0s' });
    clock.advance(DAY);
    expect(figures()).toEqual({ 'mtta sev3': '1, 0s', 'mtta sev4': '1, 0s' });
  });

  it('when the detected clock event is recorded, corrected and removed, then MTTA follows it, never counting the old value', () => {
    w.incident('A', { declaredMs: at('2026-12-01T09:00:00.000Z'), detectedMs: at('2026-12-01T08:50:00.000Z') });
    expect(figures()['mtta sev1']).toBe('1, 600s');
    w.detected('A', at('2026-12-01T08:00:00.000Z'));
    expect(figures()['mtta sev1']).toBe('1, 3600s');
    w.detected('A', at('2026-12-01T08:30:00.000Z'));
    expect(figures()['mtta sev1']).toBe('1, 1800s');
    w.undetect('A');
    expect(figures()['mtta sev1']).toBe('1, 600s');
  });

  it('when an incident is resolved, reopened and resolved again, then MTTR counts it once, at its first resolution', () => {
    const declared = at('2026-12-01T09:00:00.000Z');
    w.incident('A', { declaredMs: declared });
    expect(figures()['mttr sev1']).toBeUndefined();
    w.status('A', declared + 30 * MIN, 'resolved');
    w.set('A', 'resolved_at', new Date(declared + 30 * MIN).toISOString());
    w.status('A', declared + HOUR, 'investigating');
    w.set('A', 'resolved_at', null);
    w.status('A', declared + 5 * HOUR, 'resolved');
    w.set('A', 'resolved_at', new Date(declared + 5 * HOUR).toISOString());
    expect(figures()['mttr sev1']).toBe('1, 1800s');
  });

  it('when an incident is a drill, by its flag or its type, or becomes one later, then it leaves every series; ceasing to be one brings it back', () => {
    w.incident('DRILL', { declaredMs: at('2026-12-01T09:00:00.000Z'), drill: true });
    w.incident('TYPED', { declaredMs: at('2026-12-01T09:00:00.000Z'), type: 'drill' });
    w.incident('REAL', { declaredMs: at('2026-12-01T09:00:00.000Z'), severity: 'sev2', resolvedMs: at('2026-12-01T10:00:00.000Z') });
    w.submit('DRILL', 'gdpr', 'supervisory_authority', at('2026-12-01T12:00:00.000Z'));
    expect(figures()).toEqual({ 'mtta sev2': '1, 0s', 'mttr sev2': '1, 3600s' });
    w.set('REAL', 'drill', 1);
    expect(figures()).toEqual({});
    w.set('DRILL', 'drill', 0);
    expect(figures()).toEqual({ 'mtta sev1': '1, 0s', 'legal gdpr/supervisory_authority': '1, 10800s' });
  });

  it('when the severity changes or a submission is corrected, then the observation moves and the old one leaves', () => {
    w.incident('A', { declaredMs: at('2026-12-01T09:00:00.000Z'), severity: 'sev2' });
    w.submit('A', 'gdpr', 'supervisory_authority', at('2026-12-01T11:00:00.000Z'));
    w.set('A', 'severity', 'sev1');
    w.submit('A', 'gdpr', 'supervisory_authority', at('2026-12-01T10:00:00.000Z'));
    expect(figures()).toEqual({ 'mtta sev1': '1, 0s', 'legal gdpr/supervisory_authority': '1, 3600s' });
    w.unsubmit('A', 'gdpr', 'supervisory_authority');
    expect(figures()).toEqual({ 'mtta sev1': '1, 0s' });
  });

  it('when a process reopens the file, then it reads the same sums (they are stored with the facts, not held in memory)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-metrics-'));
    try {
      const path = join(dir, 'warden.db');
      const first = openDb(path);
      migrate(first, ALL_MIGRATIONS);
      historyWriter(first).incident('A', { declaredMs: at('2026-12-01T09:00:00.000Z'), resolvedMs: at('2026-12-01T09:45:00.000Z') });
      first.close();
      const reopened = openDb(path);
      const counts = responseHistogramsRead(reopened, BUCKET_COUNT).countsIn(trailing(clock.now(), WINDOW_DAYS));
      expect(counts.find((c) => c.series === 'mttr')).toEqual({ series: 'mttr', labelA: 'sev1', labelB: '', buckets: [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0], count: 1, sumMs: 45 * MIN });
      reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
