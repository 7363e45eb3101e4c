/**
 * The world of the incident-read benches: databases seeded with direct SQL inserts (every migration applied),
 * a Warden built on one (not started), and the verdict row each measure ends with.
 */
import { ALL_MIGRATIONS, wardenFeatures } from '../src/compose-features.js';
import { createWarden } from '../src/compose.js';
import { parseConfig } from '../src/config/index.js';
import type { ManualClock } from '../src/platform/clock.js';
import { migrate, openDb } from '../src/platform/db/db.js';
import { createLogger } from '../src/platform/logger.js';
import { BOT_ID, BOT_USER_ID } from '../test/support/stand-ins/slack/index.js';

export type Row = string[];
export type Fmt = { ms: (x: number) => string; ratio: (a: number, b: number) => string };

export const VIEWER = 'UVIEWER01';
const START = Date.parse('2025-01-01T00:00:00Z');
export const NOW = '2026-11-22T09:00:00Z';
/** What the bench signs its requests with (a started Warden checks it). */
export const BENCH_SECRET = `bench-reads-${process.pid}`;

/** `open` open incidents (the viewer commander of every other one, every tenth private) and `closed` closed ones. */
export function seed(path: string, open: number, closed: number): void {
  const db = openDb(path);
  migrate(db, ALL_MIGRATIONS);
  const incident = db.prepare(`INSERT INTO incidents (id, title, type, severity, status, private, declared_by, declared_at)
    VALUES (?, ?, 'security', 'sev2', ?, ?, ?, ?)`);
  const role = db.prepare("INSERT INTO incident_roles (incident_id, role, user_id, assigned_by, assigned_at) VALUES (?, 'commander', ?, ?, ?)");
  const member = db.prepare('INSERT OR IGNORE INTO incident_members (incident_id, user_id, since) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < closed + open; i++) {
      const id = `INC-B-${String(i).padStart(7, '0')}`;
      const at = new Date(START + i * 60_000).toISOString();
      const declarer = i % 10 === 3 ? 'UDECLARER1' : `UBENCH${String(i % 50).padStart(3, '0')}`;
      const commander = i % 2 === 0 ? VIEWER : declarer;
      incident.run(id, `Bench incident ${i}`, i < closed ? 'closed' : 'investigating', i % 10 === 0 ? 1 : 0, declarer, at);
      role.run(id, commander, declarer, at);
      member.run(id, declarer, at);
      member.run(id, commander, at);
    }
  })();
  db.close();
}

/** Where the Warden under test would call Slack (the bench's stand-in: whoami may look user groups up). */
export interface BenchSlack {
  apiUrl: string;
  token: string;
}

export function wardenOn(path: string, clock: ManualClock, slack: BenchSlack) {
  const config = parseConfig({});
  return createWarden({
    credentials: { mode: 'http', botToken: slack.token, signingSecret: BENCH_SECRET, apiUrl: slack.apiUrl },
    config, dbPath: path, logger: createLogger({ level: 'silent' }), clock, pollMs: 3_600_000, features: wardenFeatures(config), botId: BOT_ID, botUserId: BOT_USER_ID,
  });
}

export interface Sized {
  label: string;
  subject: number;
  base: number;
}

export function verdict(name: string, sized: Sized[], f: Fmt): Row[] {
  const ratios = sized.map((s) => s.subject / s.base);
  const spread = (ratios.at(-1) ?? 0) / (ratios[0] ?? 1);
  // Some of these reads take microseconds: shown as such, not rounded to 0.00 ms.
  const fine = (x: number) => (x < 0.1 ? `${(x * 1000).toFixed(1)} µs` : f.ms(x));
  const rows: Row[] = sized.map((s) => [`  ${s.label}`, fine(s.subject), fine(s.base), f.ratio(s.subject, s.base)]);
  rows.unshift([name, '', '', '']);
  rows.push([`  goal flat: ratio at largest / ratio at smallest = ${spread.toFixed(2)} (at most 1.5)`, spread <= 1.5 ? 'holds' : 'DOES NOT HOLD', '', '']);
  return rows;
}
