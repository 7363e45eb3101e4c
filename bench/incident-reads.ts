/**
 * Bench: the reads a person triggers (issue 15), each at several sizes, as a ratio to one indexed read of the
 * rows it shows (by primary key, measured in the same run on the same database). The goal is flat: the
 * ratio at the largest size within 1.5x of the ratio at the smallest.
 *
 *  - `/incident list` (first page) at 10 / 1,000 / 10,000 open, the viewer in half of them (every tenth private);
 *  - App Home's incident lists, the same sizes and 40,000 open (the viewer in half);
 *  - `/warden whoami` at the same sizes (the viewer holds a role in half);
 *  - the declare duplicate check, and the whole declare, with 0 / 10,000 / 100,000 incidents stored.
 * Databases are seeded with direct SQL inserts (every migration applied), then read through a Warden built on
 * them (not started: no Slack, no job loop). Median of interleaved rounds; bounded loops.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ManualClock } from '../src/platform/clock.js';
import { startWalCheckpointer } from '../src/platform/db/wal-checkpointer.js';
import { declareIncident } from '../src/features/incidents/app/declare-incident.js';
import { homeIncidents, openIncidentsPage } from '../src/features/incidents/app/visible-incidents.js';
import { homeView, incidentList } from '../src/features/incidents/slack/blocks/incident-list.js';
import { whoami } from '../src/features/access/slack/whoami.js';
import type { CommandContext } from '../src/adapters/slack/commands/registry.js';
import { benchIncidentReadsHttp } from './incident-reads-http.js';
import { NOW, seed, verdict, VIEWER, wardenOn, type BenchSlack, type Fmt, type Row } from './incident-reads-world.js';

const ROUNDS = 7;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Per-call time of `fn` over `reps` calls, the median of `rounds` interleaved rounds against `floor`. */
function perCall(fn: () => unknown, floor: () => unknown, reps: number, rounds = ROUNDS): { subject: number; base: number } {
  fn();
  floor();
  const [s, b]: [number[], number[]] = [[], []];
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    for (let i = 0; i < reps; i++) fn();
    s.push((performance.now() - t) / reps);
    t = performance.now();
    for (let i = 0; i < reps; i++) floor();
    b.push((performance.now() - t) / reps);
  }
  return { subject: median(s), base: median(b) };
}


/** One indexed read of the given incidents and their roles: the floor of a read that shows them. */
function floorRead(w: ReturnType<typeof wardenOn>) {
  const rows = w.db.prepare('SELECT * FROM incidents WHERE id IN (SELECT value FROM json_each(?))');
  const roles = w.db.prepare('SELECT * FROM incident_roles WHERE incident_id IN (SELECT value FROM json_each(?))');
  return {
    incidents: (ids: readonly string[]) => () => {
      const json = JSON.stringify(ids);
      return [rows.all(json), roles.all(json)];
    },
    roles: (ids: readonly string[]) => () => roles.all(JSON.stringify(ids)),
  };
}


async function readsAt(dir: string, open: number, slack: BenchSlack) {
  const path = join(dir, `reads-${open}.db`);
  seed(path, open, 0);
  const w = wardenOn(path, new ManualClock(NOW), slack);
  try {
    const floor = floorRead(w);
    const { store, policy } = w.deps;
    const page = openIncidentsPage(store, VIEWER, null);
    const list = perCall(() => incidentList(openIncidentsPage(store, VIEWER, null), policy), floor.incidents(page.incidents.map((i) => i.id)), 50);
    const lists = homeIncidents(store, VIEWER);
    const home = perCall(() => homeView(VIEWER, homeIncidents(store, VIEWER), policy), floor.incidents([...lists.mine, ...lists.others].map((i) => i.id)), 30);
    const ctx = { deps: w.deps, userId: VIEWER, channelId: 'CGENERAL', args: '', triggerId: 't', responseUrl: '', requestKey: 'k' } as CommandContext;
    const held = store.incidents.openRolesOf(VIEWER, 21).map((r) => r.incidentId);
    const who = perCall(() => whoami.run(ctx), floor.roles(held), 200);
    const before = open <= 10_000 ? perCall(() => store.incidents.listOpen(), () => null, open >= 10_000 ? 1 : 5).subject : null;
    return { list, home, who, before };
  } finally {
    w.db.close(); // never started: nothing else to stop
  }
}

async function declareAt(dir: string, stored: number, slack: BenchSlack) {
  const path = join(dir, `declare-${stored}.db`);
  seed(path, Math.min(stored, 500), Math.max(0, stored - 500));
  const clock = new ManualClock(NOW);
  const w = wardenOn(path, clock, slack);
  // As `warden start` runs: the log checkpointed by the worker, not inside one commit in about thirty (each round's
  // mean of 20 declares would take such a commit in some rounds and not in others).
  const checkpointer = startWalCheckpointer(w.db, path, { logger: { warn: () => undefined } });
  try {
    const { store } = w.deps;
    let n = 0;
    const since = new Date(clock.now().getTime() - 120_000);
    const made = declareIncident(w.deps, { userId: 'UDECLARER1' }, { title: 'Bench declare warm-up', severity: 'sev2' }).incident;
    const byId = () => store.incidents.get(made.id);
    const check = perCall(() => store.incidents.recentDuplicate('UDECLARER1', `Bench title ${n++}`, since), byId, 5_000);
    const whole = perCall(() => {
      clock.advance(180_000); // past the duplicate window, so each declare is a new incident
      return declareIncident(w.deps, { userId: 'UDECLARER1' }, { title: `Bench declare ${n++}`, severity: 'sev2' });
      // 15 rounds of 50: with 7 of 20, one round's stall (a GC, the machine's other load) moved the median by half.
    }, byId, 50, 15);
    return { check, whole };
  } finally {
    await checkpointer.stop();
    w.db.close(); // never started: nothing else to stop
  }
}

export async function benchIncidentReads(dir: string, slack: BenchSlack, f: Fmt): Promise<Row[]> {
  const sizes = [10, 1_000, 10_000];
  const at = new Map<number, Awaited<ReturnType<typeof readsAt>>>();
  for (const n of [...sizes, 40_000]) at.set(n, await readsAt(dir, n, slack));
  const pick = (ns: number[], k: 'list' | 'home' | 'who') => ns.map((n) => ({ label: `${n.toLocaleString('en')} open`, ...at.get(n)![k] }));
  const rows: Row[] = [
    ...verdict('/incident list, first page of 20 (viewer in half, every tenth private) vs one indexed read of its rows', pick(sizes, 'list'), f),
    ...verdict('App Home incident lists, viewer in half of the open incidents, vs one indexed read of the rows shown', pick([...sizes, 40_000], 'home'), f),
    ...verdict('/warden whoami, viewer holding a role in half (floor: their 20 role rows by key)', pick(sizes, 'who'), f),
  ];
  rows.push(['  for comparison, the old read (listOpen: every open incident, hydrated)', ...sizes.map((n) => `${n.toLocaleString('en')}: ${f.ms(at.get(n)!.before ?? 0)}`)]);
  const stored = [0, 10_000, 100_000];
  const decl = new Map<number, Awaited<ReturnType<typeof declareAt>>>();
  for (const n of stored) decl.set(n, await declareAt(dir, n, slack));
  const label = (n: number) => `${n.toLocaleString('en')} stored`;
  rows.push(...verdict('declare duplicate check (a miss: the common path) vs a read of one incident by id', stored.map((n) => ({ label: label(n), ...decl.get(n)!.check })), f));
  rows.push(...verdict('whole declare (check, insert, timeline, audit, jobs) vs a read of one incident by id', stored.map((n) => ({ label: label(n), ...decl.get(n)!.whole })), f));
  rows.push(...(await benchIncidentReadsHttp(dir, slack, f)));
  return rows;
}
