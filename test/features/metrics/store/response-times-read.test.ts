import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALL_MIGRATIONS } from '../../../../src/compose-features.js';
import { migrate, openDb, type Db } from '../../../../src/platform/db/db.js';
import { responseTimesRead } from '../../../../src/features/metrics/index.js';
import { RESPONSE_TIMES_SQL } from '../../../../src/features/metrics/store/response-times-read.js';

let db: Db;
beforeEach(() => {
  db = openDb(':memory:');
  migrate(db, ALL_MIGRATIONS);
});
afterEach(() => db.close());

function insertIncident(id: string, declaredAt: string, over: { detectedAt?: string; resolvedAt?: string; drill?: boolean; severity?: string } = {}) {
  db.prepare(`INSERT INTO incidents (id, title, type, severity, status, drill, declared_by, declared_at, detected_at, resolved_at)
    VALUES (?, 't', 'security', ?, 'investigating', ?, 'UALICE', ?, ?, ?)`).run(id, over.severity ?? 'sev1', over.drill ? 1 : 0, declaredAt, over.detectedAt ?? null, over.resolvedAt ?? null);
}
const statusChange = (id: string, at: string, from: string, to: string) =>
  db.prepare("INSERT INTO timeline (incident_id, at, kind, actor, text, data) VALUES (?, ?, 'status_changed', 'UALICE', 'x', ?)").run(id, at, JSON.stringify({ from, to }));

const period = { since: new Date('2026-11-01T00:00:00Z'), until: new Date('2026-12-01T00:00:00Z') };

describe('the response-times read model', () => {
  it('when incidents are declared around the period, then only those declared in [since, until) are read', () => {
    insertIncident('BEFORE', '2026-10-31T23:59:59.999Z');
    insertIncident('FIRST', '2026-11-01T00:00:00.000Z');
    insertIncident('LAST', '2026-11-30T23:59:59.999Z');
    insertIncident('AFTER', '2026-12-01T00:00:00.000Z');
    expect(responseTimesRead(db).declaredIn(period).map((i) => i.id).sort()).toEqual(['FIRST', 'LAST']);
  });

  it('when an incident was resolved, reopened and resolved again, then its first resolution is read', () => {
    insertIncident('A', '2026-11-02T09:00:00.000Z', { resolvedAt: '2026-11-02T15:00:00.000Z' });
    statusChange('A', '2026-11-02T09:30:00.000Z', 'investigating', 'resolved');
    statusChange('A', '2026-11-02T10:00:00.000Z', 'resolved', 'investigating');
    statusChange('A', '2026-11-02T15:00:00.000Z', 'investigating', 'resolved');
    expect(responseTimesRead(db).declaredIn(period)[0]?.firstResolvedAt).toEqual(new Date('2026-11-02T09:30:00.000Z'));
  });

  it('when the detected clock event was recorded, then it wins over the form; else the form; the declaration is the first commander', () => {
    insertIncident('A', '2026-11-02T09:00:00.000Z', { detectedAt: '2026-11-02T08:00:00.000Z' });
    insertIncident('B', '2026-11-03T09:00:00.000Z', { detectedAt: '2026-11-03T08:00:00.000Z' });
    db.prepare("INSERT INTO clock_events (incident_id, event, at, recorded_by, recorded_at) VALUES ('A', 'detected', '2026-11-02T07:15:00.000Z', 'UBOB', '2026-11-02T10:00:00.000Z')").run();
    const [a, b] = responseTimesRead(db).declaredIn(period).sort((x, y) => x.id.localeCompare(y.id));
    expect(a).toMatchObject({ detectedAt: new Date('2026-11-02T07:15:00.000Z'), firstCommanderAt: new Date('2026-11-02T09:00:00.000Z'), firstResolvedAt: null, submissions: [] });
    expect(b?.detectedAt).toEqual(new Date('2026-11-03T08:00:00.000Z'));
  });

  it('when stages were submitted, then each is read with its regime and stage; drills are read and flagged', () => {
    insertIncident('A', '2026-11-02T09:00:00.000Z', { drill: true });
    db.prepare("INSERT INTO stage_submissions (incident_id, regime_id, stage_id, submitted_at, recorded_by, reference) VALUES ('A', 'gdpr', 'supervisory_authority', '2026-11-03T09:00:00.000Z', 'UBOB', 'ref')").run();
    expect(responseTimesRead(db).declaredIn(period)).toMatchObject([{ drill: true, submissions: [{ regimeId: 'gdpr', stageId: 'supervisory_authority', submittedAt: new Date('2026-11-03T09:00:00.000Z') }] }]);
  });

  it('reads the period as a range over incidents(declared_at), never a scan of every incident', () => {
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${RESPONSE_TIMES_SQL}`).all('a', 'b') as { detail: string }[]).map((p) => p.detail).join('\n');
    expect(plan).toContain('SEARCH i USING INDEX incidents_declared_at (declared_at>? AND declared_at<?)');
    expect(plan).not.toMatch(/SCAN (i|t|c|s)\b/);
  });
});
