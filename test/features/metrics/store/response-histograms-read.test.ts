import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALL_MIGRATIONS } from '../../../../src/compose-features.js';
import { BUCKET_COUNT, BUCKETS } from '../../../../src/features/metrics/app/prometheus-series.js';
import { trailing, type Period } from '../../../../src/features/metrics/domain/period.js';
import { PART_DAY_SQL, responseHistogramsRead, WHOLE_DAYS_SQL } from '../../../../src/features/metrics/store/response-histograms-read.js';
import { migrate, openDb, type Db } from '../../../../src/platform/db/db.js';
import { applyHistory, countsByFullRead, opArb, sorted } from '../support/history.js';

const DAY = 86_400_000;
let db: Db;
beforeEach(() => {
  db = openDb(':memory:');
});
afterEach(() => db.close());

/** The windows a history is checked over: 30 trailing days ending mid-day, at midnight, just after; one within a day. */
const periodsAround = (originMs: number): Period[] => [
  trailing(new Date(originMs), 30),
  trailing(new Date(originMs + 30 * DAY), 30),
  trailing(new Date(Math.floor(originMs / DAY) * DAY + 30 * DAY), 30),
  trailing(new Date(Math.floor(originMs / DAY) * DAY + 30 * DAY + 1), 30),
  { since: new Date(originMs - 3_600_000), until: new Date(originMs + 3_600_000) },
  { since: new Date(originMs - 2 * DAY), until: new Date(originMs + 2 * DAY) },
  trailing(new Date(Math.floor(originMs / DAY) * DAY + 30 * DAY + 12 * 3_600_000), 30),
  trailing(new Date(Math.floor(originMs / DAY) * DAY + 30 * DAY + 12 * 3_600_000 - 1), 30),
];

/** Runs `fn` against a new in-memory database (one per generated history). */
function inFreshDb(fn: () => void): void {
  const outer = db;
  db = openDb(':memory:');
  try {
    fn();
  } finally {
    db.close();
    db = outer;
  }
}

const sameAsFullRead = (periods: readonly Period[]) => {
  const read = responseHistogramsRead(db, BUCKET_COUNT);
  for (const p of periods) expect(sorted(read.countsIn(p)), `${p.since.toISOString()} to ${p.until.toISOString()}`).toEqual(countsByFullRead(db, p));
};

// Incidents declared near a window's start edge (30 days before) and end edge (the origin), a few at exact edges.
const declaredArb = fc.array(fc.oneof(fc.integer({ min: -2 * DAY, max: 2 * DAY }), fc.integer({ min: -32 * DAY, max: -28 * DAY }), fc.constantFrom(0, -30 * DAY, 1)), { minLength: 2, maxLength: 4 });
const originArb = fc.integer({ min: Date.UTC(2026, 10, 1), max: Date.UTC(2026, 11, 31) });

describe('the response histograms read from the daily sums', () => {
  it('when incidents are declared, resolved, reopened, corrected, made drills and submitted across the window edges, then the figures are those of the full read', () => {
    fc.assert(
      fc.property(originArb, declaredArb, fc.array(opArb(), { maxLength: 40 }), (origin, declared, ops) =>
        inFreshDb(() => {
          migrate(db, ALL_MIGRATIONS);
          applyHistory(db, origin, declared, ops);
          sameAsFullRead(periodsAround(origin));
          expect(db.prepare('SELECT count(*) FROM metrics_daily_buckets WHERE observations <= 0').pluck().get()).toBe(0);
        }),
      ),
      { numRuns: 200 },
    );
  });

  it('when the migration runs over incidents already stored, then it backfills them, and later writes keep the sums', () => {
    fc.assert(
      fc.property(originArb, declaredArb, fc.array(opArb(), { maxLength: 20 }), fc.array(opArb(), { maxLength: 20 }), (origin, declared, before, after) =>
        inFreshDb(() => {
          migrate(db, ALL_MIGRATIONS.filter((m) => m.version < 22));
          applyHistory(db, origin, declared, before);
          migrate(db, ALL_MIGRATIONS);
          sameAsFullRead(periodsAround(origin));
          applyHistory(db, origin, [], after);
          sameAsFullRead(periodsAround(origin));
        }),
      ),
      { numRuns: 60 },
    );
  });

  it('counts in the buckets /metrics shows (the bounds the migration stored are BUCKETS, in ms)', () => {
    migrate(db, ALL_MIGRATIONS);
    expect(db.prepare('SELECT le_ms FROM metrics_histogram_bounds ORDER BY bucket').pluck().all()).toEqual(BUCKETS.map((s) => s * 1000));
  });

  it('reads the daily sums by their key and the edge day through the declared_at index, never a scan', () => {
    migrate(db, ALL_MIGRATIONS);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('a', 'b') as { detail: string }[]).map((p) => p.detail).join('\n');
    expect(plan(WHOLE_DAYS_SQL)).toMatch(/SEARCH metrics_daily_buckets USING PRIMARY KEY \(day>\? AND day<\?\)/);
    expect(plan(PART_DAY_SQL)).toContain('SEARCH metrics_observations USING INDEX metrics_observations_declared (declared_at>? AND declared_at<?)');
  });
});
