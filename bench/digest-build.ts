/**
 * Bench 7: building the managers' digest (every section) with 100,000 stored items vs the same with 10,000.
 * Each database holds the same live work (20 open incidents, 5 overdue reviews, 10 overdue action items, 3 controls
 * with an overdue period, 5 overdue findings) and N incidents closed long ago, each with a done review and a done
 * action item, N done control periods and N patch findings closed long ago. The cost should follow what is
 * open, due or shown, not what is stored: the ratio should stay near 1. Then the digest at 10 / 1,000 / 10,000 more
 * open incidents on the 10,000-item data (bench/digest-open.ts), each vs one indexed read of the incidents it shows.
 */
import { join } from 'node:path';
import { ALL_MIGRATIONS } from '../src/compose-features.js';
import { loadClockCatalog, parseConfig } from '../src/config/index.js';
import { buildDigest } from '../src/features/digests/app/build-digest.js';
import { DIGEST_SECTIONS } from '../src/features/digests/domain/digest-sections.js';
import { slackMarks } from '../src/features/digests/slack/digest-message.js';
import { digestSourcesOf } from '../src/features/digests/store/digest-sources.js';
import { controlDigestOf } from '../src/features/access-reviews/index.js';
import { createStore } from '../src/features/incidents/index.js';
import { patchDigestOf } from '../src/features/patches/index.js';
import { migrate, openDb, type Db } from '../src/platform/db/db.js';
import { PACKAGE_ROOT } from '../src/cli/package-root.js';
import { floorRead, openVerdict, perCall, seedOpen, shownIds } from './digest-open.js';

const NOW = new Date('2026-11-23T08:00:00Z');
const OLD = Date.parse('2024-01-01T00:00:00Z');
const MONTH_START = new Date('2026-11-01T00:00:00Z');
const iso = (t: number) => new Date(t).toISOString();
const SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4'];
const SEVERITIES_PATCH = ['critical', 'high', 'medium', 'low'];

function seed(db: Db, stored: number): void {
  const incident = db.prepare(`INSERT INTO incidents (id, title, type, severity, status, drill, declared_by, declared_at, resolved_at, closed_at)
    VALUES (?, 'bench', 'security', ?, ?, 0, 'UBENCH', ?, ?, ?)`);
  const review = db.prepare(`INSERT INTO reviews (incident_id, status, owner, due_at, plan_since, created_at, updated_at) VALUES (?, ?, 'UBENCH', ?, ?, ?, ?)`);
  const control = db.prepare(`INSERT INTO controls (id, name, type, kind, owner, every, source, since) VALUES (?, ?, 'access-review', 'manual', ?, 'weekly', 'config', ?)`);
  const period = db.prepare(`INSERT INTO control_periods (control_id, start, due, status, plan_since) VALUES (?, ?, ?, ?, ?)`);
  const finding = db.prepare(`INSERT INTO patch_findings (id, advisory, package, asset, identity_key, severity, owner, description, discovered_at, due_at, status, done_at, closed_within_sla, plan_since, created_by, created_at)
    VALUES (?, ?, '', 'web-1', ?, ?, 'UBENCH', '', ?, ?, ?, ?, ?, ?, 'UBENCH', ?)`);
  const action = db.prepare(`INSERT INTO action_items (incident_id, id, text, owner, due_at, status, created_by, created_at, plan_since) VALUES (?, 'A1', 'Rotate keys', 'UBENCH', ?, ?, 'UBENCH', ?, ?)`);
  db.transaction(() => {
    for (let i = 0; i < stored; i++) {
      const id = `INC-B-${i}`;
      const at = OLD + i * 60_000;
      incident.run(id, SEVERITIES[i % 4], 'closed', iso(at), iso(at + 3_600_000), iso(at + 7_200_000));
      review.run(id, 'done', iso(at + 86_400_000), iso(at), iso(at), iso(at));
      action.run(id, iso(at + 86_400_000), 'done', iso(at), iso(at));
    }
    const findingRow = (id: string, at: number, status: 'open' | 'done', i: number) =>
      finding.run(id, id, id, SEVERITIES_PATCH[i % 4], iso(at), iso(at + 7 * 86_400_000), status, status === 'done' ? iso(at + 86_400_000) : null, status === 'done' ? 1 : null, iso(at), iso(at));
    for (let i = 0; i < stored; i++) findingRow(`F-${i}`, OLD + i * 60_000, 'done', i);
    for (let i = 0; i < 5; i++) findingRow(`F-L-${i}`, NOW.getTime() - (10 + i) * 86_400_000, 'open', i);
    for (let c = 0; c < 3; c++) control.run(`C${c}`, `System ${c}`, c === 0 ? null : 'UBENCH', iso(OLD));
    for (let i = 0; i < stored; i++) period.run(`C${i % 3}`, iso(OLD + i * 60_000), iso(OLD + i * 60_000 + 30_000), 'done', iso(OLD));
    for (let c = 0; c < 3; c++) period.run(`C${c}`, iso(NOW.getTime() - 9 * 86_400_000), iso(NOW.getTime() - 2 * 86_400_000), 'open', iso(OLD));
    for (let i = 0; i < 20; i++) {
      const id = `INC-L-${i}`;
      const at = NOW.getTime() - (i + 1) * 86_400_000;
      incident.run(id, SEVERITIES[i % 4], i < 5 ? 'resolved' : 'investigating', iso(at), i < 5 ? iso(at + 3_600_000) : null, null);
      if (i < 5) review.run(id, 'scheduled', iso(at + 3_600_000), iso(at), iso(at), iso(at));
      if (i < 10) action.run(id, iso(at + 3_600_000), 'open', iso(at), iso(at));
    }
  })();
}

type Catalog = ReturnType<typeof loadClockCatalog>;

/** A database with `stored` items (and `open` more open incidents), and the digest built over it. */
function digestOn(path: string, catalog: Catalog, stored: number, open = 0) {
  const db = openDb(path);
  migrate(db, ALL_MIGRATIONS);
  seed(db, stored);
  seedOpen(db, open, MONTH_START);
  const sources = digestSourcesOf(db, createStore(db), catalog, SEVERITIES, { patchDigestOf, controlDigestOf });
  return { db, build: () => buildDigest(sources, DIGEST_SECTIONS, NOW, 'Europe/Paris', slackMarks) };
}

/** The digest at more and more open incidents, each vs one indexed read of the incidents it shows. */
function openSizes(dir: string, catalog: Catalog, ms: (x: number) => string, ratio: (a: number, b: number) => string): string[][] {
  const sized = [10, 1_000, 10_000].map((open) => {
    const d = digestOn(join(dir, `digest-open-${open}.db`), catalog, 10_000, open);
    try {
      return { label: `${open.toLocaleString('en')} open (and the 20 with reviews and actions)`, ...perCall(d.build, floorRead(d.db, shownIds(d.build())), open >= 10_000 ? 3 : 20) };
    } finally {
      d.db.close();
    }
  });
  return openVerdict(sized, { ms, ratio });
}

export async function benchDigest(dir: string, timeIt: (fn: () => unknown) => Promise<number> | number, ms: (x: number) => string, ratio: (a: number, b: number) => string): Promise<string[][]> {
  const catalog = loadClockCatalog(parseConfig({}), [join(PACKAGE_ROOT, 'regimes')]);
  const builders = [100_000, 10_000].map((stored) => digestOn(join(dir, `digest-${stored}.db`), catalog, stored));
  try {
    const [big, small] = builders as [(typeof builders)[0], (typeof builders)[0]];
    big.build();
    small.build();
    const runs: [number[], number[]] = [[], []];
    for (let i = 0; i < 15; i++) {
      runs[0].push(await timeIt(big.build));
      runs[1].push(await timeIt(small.build));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const [bigMs, smallMs] = [median(runs[0]), median(runs[1])];
    return [["managers' digest (every section), 100,000 stored items vs 10,000", ms(bigMs), ms(smallMs), ratio(bigMs, smallMs)], ...openSizes(dir, catalog, ms, ratio)];
  } finally {
    for (const b of builders) b.db.close();
  }
}
