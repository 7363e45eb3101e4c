import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runPatch } from '../../src/cli/commands/patch.js';
import { runCli } from '../../src/cli/run-cli.js';
import { ALL_MIGRATIONS } from '../../src/compose-features.js';
import { migrate, openDb } from '../../src/platform/db/db.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/scanners');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const NOW = new Date('2026-11-20T09:00:00Z');
let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'warden-cli-patch-'));
  writeFileSync(join(dir, 'warden.yaml'), 'company:\n  timeZone: Europe/Paris\n');
  env = { WARDEN_DB: join(dir, 'w.db'), WARDEN_CONFIG: join(dir, 'warden.yaml') };
  createDb();
});

/** The database Warden made at its first start (`warden patch import` adds to an existing one only). */
function createDb(): void {
  const db = openDb(env.WARDEN_DB as string);
  migrate(db, ALL_MIGRATIONS);
  db.close();
}
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `text` to a file in the temp folder and returns its path. */
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function run(argv: string[], now = NOW) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runPatch(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, env, now);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function rows(sql = 'SELECT id, advisory, package, asset, severity, owner, discovered_at, due_at, source FROM patch_findings ORDER BY advisory, package') {
  const db = openDb(env.WARDEN_DB as string);
  try {
    return db.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

const TRIVY = () => file('trivy.json', fixture('trivy/alpine-310.json'));

describe('warden patch import', () => {
  it('when a Trivy report is imported twice, then the second time nothing is new and the discovery date is kept', () => {
    const first = run(['import', TRIVY(), '--owner', '@UBOB01']);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toBe('3 new, 0 known, 0 gone');
    const stored = rows();
    expect(stored).toHaveLength(3);
    expect(stored[0]).toMatchObject({ advisory: 'CVE-2019-1549', package: 'libcrypto1.1', asset: 'testdata/fixtures/images/alpine-310.tar.gz', severity: 'medium', owner: 'UBOB01', discovered_at: NOW.toISOString(), source: 'trivy' });
    // medium: 60 days, to the end of the Paris day.
    expect(stored[0]?.due_at).toBe('2027-01-19T22:59:59.999Z');
    const again = run(['import', TRIVY(), '--owner', 'UCAROL1'], new Date('2026-11-27T09:00:00Z'));
    expect(again.out).toBe('0 new, 3 known, 0 gone');
    expect(rows()).toEqual(stored);
  });

  it('when the same finding is in a Trivy and an OSV-Scanner report of the same asset, then it is one finding', () => {
    expect(run(['import', TRIVY(), '--owner', 'UBOB01', '--asset', 'web-1']).out).toBe('3 new, 0 known, 0 gone');
    // The OSV-Scanner sample, edited to report the alpine package Trivy found (as it would on that image).
    const osv = fixture('osv-scanner/output-docs-example.json').replaceAll('CVE-2021-3121', 'CVE-2019-1549').replaceAll('github.com/gogo/protobuf', 'libcrypto1.1');
    const r = run(['import', file('osv.json', osv), '--owner', 'UBOB01', '--asset', 'web-1']);
    expect(r.out).toBe('1 new, 1 known, 0 gone');
    expect(rows().filter((x) => x.advisory === 'CVE-2019-1549' && x.package === 'libcrypto1.1')).toHaveLength(1);
    expect(rows()).toHaveLength(4);
  });

  it('when a later report of the asset no longer lists findings, then they are listed as candidates to close and stay open', () => {
    run(['import', TRIVY(), '--owner', 'UBOB01', '--asset', 'web-1']);
    const clean = JSON.parse(fixture('trivy/alpine-310.json')) as { Results: { Vulnerabilities?: unknown[] }[] };
    for (const result of clean.Results) delete result.Vulnerabilities;
    const r = run(['import', file('clean.json', JSON.stringify(clean)), '--owner', 'UBOB01', '--asset', 'web-1']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('0 new, 0 known, 3 gone');
    expect(r.out).toContain('gone from this report (close it if fixed: /patch done ');
    expect(rows("SELECT status FROM patch_findings WHERE status = 'open'")).toHaveLength(3);
  });

  it('when asked for JSON, then it prints the counts, the new ids and the gone candidates', () => {
    const r = run(['import', TRIVY(), '--owner', 'UBOB01', '--json']);
    const json = JSON.parse(r.out) as { format: string; new: number; known: number; gone: number; newIds: string[] };
    expect(json).toMatchObject({ format: 'trivy', new: 3, known: 0, gone: 0 });
    expect(json.newIds).toHaveLength(3);
    for (const id of json.newIds) expect(id).toMatch(/^P-[0-9A-F]{8}$/);
    // Stable: the same identity gives the same id in another database.
    rmSync(env.WARDEN_DB as string);
    createDb();
    expect((JSON.parse(run(['import', TRIVY(), '--owner', 'UBOB01', '--json']).out) as { newIds: string[] }).newIds).toEqual(json.newIds);
  });

  it('when the file is malformed or truncated, then it is refused with the reason and nothing is stored', () => {
    const text = fixture('trivy/alpine-310.json');
    const truncated = run(['import', file('cut.json', text.slice(0, Math.floor(text.length / 2))), '--owner', 'UBOB01']);
    expect(truncated.code).toBe(2);
    expect(truncated.err).toMatch(/^warden patch: /);
    expect(truncated.err).toMatch(/line \d+, column \d+|truncated|ends/i);
    const malformed = run(['import', file('bad.json', '{"SchemaVersion": 2, "Results": "nope"}'), '--owner', 'UBOB01']);
    expect(malformed.code).toBe(2);
    expect(rows()).toEqual([]);
    expect(rows("SELECT action FROM audit_log WHERE action LIKE 'patch.%'")).toEqual([]);
  });

  it('when no owner is given, then it is refused saying so and nothing is stored', () => {
    const r = run(['import', TRIVY()]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('An imported finding needs an owner: pass --owner');
    expect(rows()).toEqual([]);
  });

  it('when a severity word is not mapped, then the import is refused naming the word and the config key', () => {
    const report = fixture('trivy/alpine-310.json').replace('"Severity": "MEDIUM"', '"Severity": "SEVERE"');
    const r = run(['import', file('odd.json', report), '--owner', 'UBOB01']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('The scanner severity `severe` has no Warden severity: map it under sla.patch.scannerSeverities');
    expect(rows()).toEqual([]);
  });

  it('when the KEV catalog lists a stored finding, then its due date moves earlier, and later imports get it too', () => {
    run(['import', TRIVY(), '--owner', 'UBOB01']);
    const kev = JSON.parse(fixture('kev/known_exploited_vulnerabilities.json')) as { vulnerabilities: { cveID: string; dueDate: string }[] };
    const [entry] = kev.vulnerabilities as [{ cveID: string; dueDate: string }];
    entry.cveID = 'CVE-2019-1549';
    entry.dueDate = '2026-11-25';
    const r = run(['kev', 'import', file('kev.json', JSON.stringify(kev))]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/KEV entries loaded; 2 open findings now due earlier/);
    const moved = rows("SELECT package, due_at, due_basis FROM patch_findings WHERE advisory = 'CVE-2019-1549' ORDER BY package");
    expect(moved).toEqual([
      { package: 'libcrypto1.1', due_at: '2026-11-25T22:59:59.999Z', due_basis: JSON.stringify({ kind: 'kev-date', cve: 'CVE-2019-1549', kevDue: '2026-11-25' }) },
      { package: 'libssl1.1', due_at: '2026-11-25T22:59:59.999Z', due_basis: JSON.stringify({ kind: 'kev-date', cve: 'CVE-2019-1549', kevDue: '2026-11-25' }) },
    ]);
    expect(run(['import', TRIVY(), '--owner', 'UBOB01', '--asset', 'other']).out).toBe('3 new, 0 known, 0 gone');
    expect(rows("SELECT due_at FROM patch_findings WHERE asset = 'other' AND advisory = 'CVE-2019-1549'")).toEqual([{ due_at: '2026-11-25T22:59:59.999Z' }, { due_at: '2026-11-25T22:59:59.999Z' }]);
  });

  it('is reached through warden patch', async () => {
    const err: string[] = [];
    expect(await runCli(['patch', 'import'], { out: () => undefined, err: (s) => err.push(s) }, env)).toBe(2);
    expect(err.join('\n')).toContain('usage: warden patch import FILE');
  });
});
