import fc from 'fast-check';
import { BUCKET_COUNT, BUCKETS } from '../../../../src/features/metrics/app/prometheus-series.js';
import type { Period } from '../../../../src/features/metrics/domain/period.js';
import { mttaSeconds, mttrSeconds } from '../../../../src/features/metrics/domain/response-times.js';
import type { ResponseSeries, SeriesCounts } from '../../../../src/features/metrics/domain/window-counts.js';
import { responseTimesRead } from '../../../../src/features/metrics/store/response-times-read.js';
import type { Db } from '../../../../src/platform/db/db.js';

/** The facts the histograms come from, written the way the owning features' repositories write them (plain SQL). */
export function historyWriter(db: Db) {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    incident(id: string, o: { declaredMs: number; severity?: string; drill?: boolean; type?: string; detectedMs?: number | null; resolvedMs?: number | null }) {
      db.prepare(`INSERT INTO incidents (id, title, type, severity, status, drill, declared_by, declared_at, detected_at, resolved_at)
        VALUES (?, 't', ?, ?, 'investigating', ?, 'UALICE', ?, ?, ?)`).run(id, o.type ?? 'security', o.severity ?? 'sev1', o.drill ? 1 : 0, iso(o.declaredMs),
        o.detectedMs == null ? null : iso(o.detectedMs), o.resolvedMs == null ? null : iso(o.resolvedMs));
    },
    status: (id: string, atMs: number, to: string) =>
      db.prepare("INSERT INTO timeline (incident_id, at, kind, actor, text, data) VALUES (?, ?, 'status_changed', 'UALICE', 'x', ?)").run(id, iso(atMs), JSON.stringify({ from: 'x', to })),
    set: (id: string, column: 'severity' | 'drill' | 'type' | 'declared_at' | 'detected_at' | 'resolved_at' | 'status', value: string | number | null) =>
      db.prepare(`UPDATE incidents SET ${column} = ? WHERE id = ?`).run(value, id),
    detected: (id: string, atMs: number) =>
      db.prepare(`INSERT INTO clock_events (incident_id, event, at, recorded_by, recorded_at) VALUES (?, 'detected', ?, 'UBOB', ?)
        ON CONFLICT(incident_id, event) DO UPDATE SET at = excluded.at, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`).run(id, iso(atMs), iso(atMs)),
    clockEvent: (id: string, event: string, atMs: number) =>
      db.prepare(`INSERT INTO clock_events (incident_id, event, at, recorded_by, recorded_at) VALUES (?, ?, ?, 'UBOB', ?)
        ON CONFLICT(incident_id, event) DO UPDATE SET at = excluded.at`).run(id, event, iso(atMs), iso(atMs)),
    undetect: (id: string) => db.prepare("DELETE FROM clock_events WHERE incident_id = ? AND event = 'detected'").run(id),
    submit: (id: string, regime: string, stage: string, atMs: number) =>
      db.prepare(`INSERT INTO stage_submissions (incident_id, regime_id, stage_id, submitted_at, recorded_by, reference) VALUES (?, ?, ?, ?, 'UBOB', 'ref')
        ON CONFLICT(incident_id, regime_id, stage_id) DO UPDATE SET submitted_at = excluded.submitted_at`).run(id, regime, stage, iso(atMs)),
    unsubmit: (id: string, regime: string, stage: string) =>
      db.prepare('DELETE FROM stage_submissions WHERE incident_id = ? AND regime_id = ? AND stage_id = ?').run(id, regime, stage),
  };
}

/** First bound at or above the value, as prom-client's Histogram finds it; one past the last for +Inf only. */
const bucketOf = (seconds: number) => {
  const i = BUCKETS.findIndex((b) => seconds <= b);
  return i === -1 ? BUCKETS.length : i;
};

/**
 * The histograms as the full read gave them (RESPONSE_TIMES_SQL, drills left out, each value observed one by
 * one), sorted; sums in whole ms (the old float sum, rounded: its values are whole ms divided by 1000).
 */
export function countsByFullRead(db: Db, period: Period): SeriesCounts[] {
  const out = new Map<string, SeriesCounts>();
  const observe = (series: ResponseSeries, labelA: string, labelB: string, seconds: number | null) => {
    if (seconds === null) return;
    const key = `${series}|${labelA}|${labelB}`;
    const e = out.get(key) ?? { series, labelA, labelB, buckets: new Array<number>(BUCKET_COUNT).fill(0), count: 0, sumMs: 0 };
    e.buckets[bucketOf(seconds)] = (e.buckets[bucketOf(seconds)] ?? 0) + 1;
    e.count += 1;
    e.sumMs += Math.round(seconds * 1000);
    out.set(key, e);
  };
  for (const i of responseTimesRead(db).declaredIn(period).filter((x) => !x.drill)) {
    observe('mtta', i.severity, '', mttaSeconds(i));
    observe('mttr', i.severity, '', mttrSeconds(i));
    for (const s of i.submissions) observe('legal', s.regimeId, s.stageId, (s.submittedAt.getTime() - i.declaredAt.getTime()) / 1000);
  }
  return sorted([...out.values()]);
}

export const sorted = (xs: readonly SeriesCounts[]) => [...xs].sort((a, b) => `${a.series}|${a.labelA}|${a.labelB}`.localeCompare(`${b.series}|${b.labelA}|${b.labelB}`));

const IDS = ['A', 'B', 'C', 'D'];
const SEVERITIES = ['sev1', 'sev2', 'sev3'];
const STAGES = [['gdpr', 'supervisory_authority'], ['nis2', 'early_warning']] as const;
const MIN = 60_000;

/**
 * One write of a random history on one of the first incidents. Times are offsets from that incident's
 * declaration: minutes either side (around the MTTA buckets), hours (MTTR), days (submissions, +Inf).
 */
export const opArb = () => {
  const at = fc.oneof(fc.integer({ min: -120 * MIN, max: 120 * MIN }), fc.integer({ min: 0, max: 3 * 24 * 60 * MIN }), fc.integer({ min: -2 * 24 * 60 * MIN, max: 10 * 24 * 60 * MIN }), fc.constantFrom(0, MIN, 5 * MIN, 24 * 60 * MIN));
  const id = fc.constantFrom(...IDS);
  return fc.oneof(
    fc.record({ op: fc.constant('status' as const), id, at, to: fc.constantFrom('resolved', 'investigating', 'closed') }),
    fc.record({ op: fc.constant('set' as const), id, column: fc.constantFrom('severity' as const), value: fc.constantFrom(...SEVERITIES) }),
    fc.record({ op: fc.constant('set' as const), id, column: fc.constantFrom('drill' as const), value: fc.constantFrom(0, 1) }),
    fc.record({ op: fc.constant('set' as const), id, column: fc.constantFrom('type' as const), value: fc.constantFrom('security', 'drill', 'outage') }),
    fc.record({ op: fc.constant('setTime' as const), id, column: fc.constantFrom('declared_at' as const, 'detected_at' as const, 'resolved_at' as const), at: fc.option(at) }),
    fc.record({ op: fc.constant('set' as const), id, column: fc.constantFrom('status' as const), value: fc.constantFrom('resolved', 'closed') }),
    fc.record({ op: fc.constant('detected' as const), id, at }),
    fc.record({ op: fc.constant('clockEvent' as const), id, at }),
    fc.record({ op: fc.constant('undetect' as const), id }),
    fc.record({ op: fc.constant('submit' as const), id, stage: fc.constantFrom(...STAGES), at }),
    fc.record({ op: fc.constant('unsubmit' as const), id, stage: fc.constantFrom(...STAGES) }),
  );
};
export type Op = ReturnType<typeof opArb> extends fc.Arbitrary<infer T> ? T : never;

/**
 * Declares incidents A, B, ... (every fourth a drill) at `declared` offsets from `originMs`, then applies the
 * writes in order (those naming an incident not declared are skipped).
 */
export function applyHistory(db: Db, originMs: number, declared: readonly number[], ops: readonly Op[]): void {
  const w = historyWriter(db);
  const declaredMs = new Map<string, number>(
    (db.prepare('SELECT id, declared_at FROM incidents').all() as { id: string; declared_at: string }[]).map((r) => [r.id, Date.parse(r.declared_at)]),
  );
  declared.forEach((offset, n) => {
    const id = IDS[n] ?? `X${n}`;
    declaredMs.set(id, originMs + offset);
    w.incident(id, { declaredMs: originMs + offset, severity: SEVERITIES[n % 3], drill: n === 3, detectedMs: n % 2 === 0 ? originMs + offset - 7 * MIN * (n + 1) : null });
  });
  for (const o of ops) {
    const base = declaredMs.get(o.id);
    if (base === undefined) continue;
    const time = (offset: number) => new Date(base + offset).toISOString();
    if (o.op === 'status') w.status(o.id, base + o.at, o.to);
    else if (o.op === 'set') w.set(o.id, o.column, o.value);
    else if (o.op === 'setTime') {
      if (o.column === 'declared_at') {
        if (o.at === null) continue;
        declaredMs.set(o.id, base + o.at);
      }
      w.set(o.id, o.column, o.at === null ? null : time(o.at));
    } else if (o.op === 'detected') w.detected(o.id, base + o.at);
    else if (o.op === 'clockEvent') w.clockEvent(o.id, 'aware', base + o.at);
    else if (o.op === 'undetect') w.undetect(o.id);
    else if (o.op === 'submit') w.submit(o.id, o.stage[0], o.stage[1], base + o.at);
    else w.unsubmit(o.id, o.stage[0], o.stage[1]);
  }
}
