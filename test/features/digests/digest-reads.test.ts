import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../../src/cli/package-root.js';
import { ALL_MIGRATIONS } from '../../../src/compose-features.js';
import { loadClockCatalog, parseConfig } from '../../../src/config/index.js';
import { buildDigest, type DigestSources } from '../../../src/features/digests/app/build-digest.js';
import type { Marks } from '../../../src/features/digests/domain/digest-part.js';
import type { OpenIncidentsRead } from '../../../src/features/digests/domain/digest-sources.js';
import { digestSourcesOf } from '../../../src/features/digests/store/digest-sources.js';
import { createStore } from '../../../src/features/incidents/index.js';
import { migrate, openDb, type Db } from '../../../src/platform/db/db.js';

const NOW = new Date('2026-11-23T08:00:00Z');
const SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4'];
const m: Marks = { text: (s) => `[${s}]`, person: (u) => `@${u}`, at: (d) => d.toISOString() };
const catalog = loadClockCatalog(parseConfig({}), [join(PACKAGE_ROOT, 'regimes')]);
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();

let db: Db;
let sources: DigestSources;
/** The same sources reading every open incident (the read the digest used before): what the output must match. */
let everyOpen: DigestSources;

function add(id: string, over: { severity?: string; status?: string; drill?: boolean; private?: boolean; hoursAgo: number }) {
  db.prepare(`INSERT INTO incidents (id, title, type, severity, status, drill, private, declared_by, declared_at)
    VALUES (?, ?, 'security', ?, ?, ?, ?, 'UALICE', ?)`).run(id, `Title of ${id}`, over.severity ?? 'sev3', over.status ?? 'investigating', over.drill ? 1 : 0, over.private ? 1 : 0, hoursAgo(over.hoursAgo));
}

/** GDPR applied and `became_aware` recorded `awareHoursAgo` ago. */
function clocks(id: string, awareHoursAgo: number) {
  db.prepare("INSERT INTO incident_regimes (incident_id, regime_id, applied_by, applied_at) VALUES (?, 'gdpr', 'UBOB', ?)").run(id, hoursAgo(awareHoursAgo));
  db.prepare("INSERT INTO clock_events (incident_id, event, at, recorded_by, recorded_at) VALUES (?, 'became_aware', ?, 'UBOB', ?)").run(id, hoursAgo(awareHoursAgo), hoursAgo(awareHoursAgo));
}

const read = () => sources.openIncidents(5) as OpenIncidentsRead;
const digest = (src: DigestSources) => buildDigest(src, ['incidents', 'deadlines'], NOW, 'Europe/Paris', m);

beforeEach(() => {
  db = openDb(':memory:');
  migrate(db, ALL_MIGRATIONS);
  const store = createStore(db);
  sources = digestSourcesOf(db, store, catalog, SEVERITIES, {});
  everyOpen = { ...sources, openIncidents: () => store.incidents.listOpen().map((i) => ({ ...i })) };
});

describe("the managers' digest reads through indexes", () => {
  it('when more are open than shown, with drills, private ones and a closed one, then counts (drills apart) and top five match every open incident read', () => {
    for (let i = 1; i <= 12; i++) add(`INC-2026-${String(i).padStart(4, '0')}`, { severity: SEVERITIES[i % 4], drill: i % 5 === 0, private: i % 4 === 1, hoursAgo: 100 - i });
    add('INC-2026-0099', { severity: 'sev1', status: 'closed', hoursAgo: 200 });
    const parts = digest(sources);
    expect(parts).toEqual(digest(everyOpen));
    // INC-2026-0005 (sev2) and INC-2026-0010 (sev3) are drills: said apart, never counted or listed.
    expect(parts[0]!.lines[0]).toBe('*10 open*: sev1: 3 · sev2: 2 · sev3: 2 · sev4: 3 (2 drills open, not counted)');
    expect(parts[0]!.lines.slice(1).map((l) => l.split(':')[0])).toEqual([
      '• *INC-2026-0004* sev1 investigating', '• *INC-2026-0008* sev1 investigating', '• *INC-2026-0012* sev1 investigating',
      '• *INC-2026-0001* sev2 investigating', '• *INC-2026-0009* sev2 investigating',
    ]);
    expect(parts[0]!.lines[4]).toContain('_private_');
    expect(parts[0]!.more).toEqual({ count: 5, command: '/incident list' });
    expect(read().drills).toBe(2);
    expect(read().top).toHaveLength(5);
  });

  it('when an open incident has a severity no longer configured, then it is counted after the configured ones and shown last, as before', () => {
    add('INC-2026-0001', { severity: 'p9', hoursAgo: 5 });
    add('INC-2026-0002', { severity: 'legacy', hoursAgo: 1 });
    add('INC-2026-0003', { severity: 'sev4', hoursAgo: 3 });
    const parts = digest(sources);
    expect(parts).toEqual(digest(everyOpen));
    expect(parts[0]!.lines[0]).toBe('*3 open*: sev4: 1 · legacy: 1 · p9: 1');
    expect(parts[0]!.lines.slice(1).map((l) => l.split(' ')[1])).toEqual(['*INC-2026-0003*', '*INC-2026-0001*', '*INC-2026-0002*']);
  });

  it('when the incident with clock events is the oldest of 30 open (beyond any first page), then its deadlines are in the digest; a closed one or a drill with clocks is not read', () => {
    add('INC-2026-0001', { severity: 'sev4', private: true, hoursAgo: 400 });
    clocks('INC-2026-0001', 50);
    for (let i = 2; i <= 30; i++) add(`INC-2026-${String(i).padStart(4, '0')}`, { severity: 'sev1', drill: i === 30, hoursAgo: 300 - i });
    clocks('INC-2026-0030', 10);
    add('INC-2026-0031', { status: 'closed', hoursAgo: 500 });
    clocks('INC-2026-0031', 60);
    expect(read().clocked).toEqual(['INC-2026-0001']);
    const parts = digest(sources);
    expect(parts).toEqual(digest(everyOpen));
    const deadlines = parts[1]!.lines.join('\n');
    expect(deadlines).toContain('*INC-2026-0001* [GDPR');
    expect(deadlines).not.toContain('INC-2026-0030');
    expect(deadlines).not.toContain('INC-2026-0031');
  });

  it('when an incident with clock events closes, then the digest stops reading it; when it reopens, it reads it again', () => {
    add('INC-2026-0001', { hoursAgo: 20 });
    clocks('INC-2026-0001', 10);
    expect(read().clocked).toEqual(['INC-2026-0001']);
    db.prepare("UPDATE incidents SET status = 'closed' WHERE id = 'INC-2026-0001'").run();
    expect(read()).toEqual({ counts: {}, extra: [], top: [], drills: 0, clocked: [] });
    expect(digest(sources)).toEqual(digest(everyOpen));
    db.prepare("UPDATE incidents SET status = 'resolved', severity = 'sev1' WHERE id = 'INC-2026-0001'").run();
    expect(read()).toMatchObject({ counts: { sev1: 1 }, clocked: ['INC-2026-0001'] });
    db.prepare("UPDATE incidents SET severity = 'sev2' WHERE id = 'INC-2026-0001'").run();
    expect(digest(sources)).toEqual(digest(everyOpen));
    expect(read().counts).toEqual({ sev2: 1 });
  });

  it('when an incident becomes or stops being a drill, or a drill closes, then the kept counts follow; a type-drill row is a drill', () => {
    add('INC-2026-0001', { severity: 'sev2', hoursAgo: 5 });
    db.prepare("INSERT INTO incidents (id, title, type, severity, status, drill, private, declared_by, declared_at) VALUES ('INC-2026-0002', 'Old drill', 'drill', 'sev2', 'investigating', 0, 0, 'UALICE', ?)").run(hoursAgo(4));
    expect(read()).toMatchObject({ counts: { sev2: 1 }, drills: 1 });
    db.prepare("UPDATE incidents SET drill = 1 WHERE id = 'INC-2026-0001'").run();
    expect(read()).toMatchObject({ counts: {}, drills: 2 });
    db.prepare("UPDATE incidents SET drill = 0 WHERE id = 'INC-2026-0001'").run();
    db.prepare("UPDATE incidents SET status = 'closed' WHERE id = 'INC-2026-0002'").run();
    expect(read()).toMatchObject({ counts: { sev2: 1 }, drills: 0 });
    expect(digest(sources)).toEqual(digest(everyOpen));
  });

  it('when a database from before migration 020 holds open drills, then the migration counts them apart', () => {
    const old = openDb(':memory:');
    migrate(old, ALL_MIGRATIONS.filter((mg) => mg.version < 20));
    old.prepare(`INSERT INTO incidents (id, title, type, severity, status, drill, private, declared_by, declared_at) VALUES
      ('INC-2026-0001', 'Real', 'security', 'sev1', 'investigating', 0, 0, 'UALICE', ?),
      ('INC-2026-0002', 'Flagged drill', 'security', 'sev1', 'investigating', 1, 0, 'UALICE', ?),
      ('INC-2026-0003', 'Typed drill', 'drill', 'sev1', 'monitoring', 0, 0, 'UALICE', ?)`).run(hoursAgo(3), hoursAgo(2), hoursAgo(1));
    expect(old.prepare("SELECT open FROM open_incident_counts WHERE severity = 'sev1'").pluck().get()).toBe(3);
    migrate(old, ALL_MIGRATIONS);
    expect(old.prepare('SELECT severity, drill, open FROM open_incident_counts ORDER BY drill').all()).toEqual([
      { severity: 'sev1', drill: 0, open: 1 },
      { severity: 'sev1', drill: 1, open: 2 },
    ]);
  });

  it('when nothing is open, then the sections say so, as before', () => {
    expect(digest(sources).map((p) => p.lines[0])).toEqual(['None open.', 'None missed, none due in the next 72 hours.']);
  });
});
