import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { ALL_MIGRATIONS } from '../../src/compose-features.js';
import { createStore } from '../../src/features/incidents/store/store.js';
import { migrate, openDb } from '../../src/platform/db/db.js';
import { documentedAuditScript } from '../support/audit-script.js';
import { repoPath } from '../support/repo-path.js';

let dir: string;
const env = () => ({ WARDEN_DB: join(dir, 'warden.db'), WARDEN_AUDIT_KEY_FILE: join(dir, 'audit.pem') });
const lines: string[] = [];
const io = { out: (s: string) => void lines.push(s), err: () => undefined };

async function exportTo(file: string, ...args: string[]): Promise<void> {
  lines.length = 0;
  expect(await runCli(['audit', 'export', ...args], io, env())).toBe(0);
  writeFileSync(file, lines.map((l) => `${l}\n`).join(''));
}

/** Runs the documented script with the real bash, jq and openssl. */
function verifyWithOpenssl(entries: string, checkpoints = join(dir, 'audit-checkpoints.jsonl')) {
  const r = spawnSync('bash', [join(dir, 'verify-audit.sh'), entries, checkpoints, join(dir, 'public.pem')], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'warden-audit-export-'));
  writeFileSync(join(dir, 'verify-audit.sh'), documentedAuditScript());
  lines.length = 0;
  expect(await runCli(['audit', 'keygen', '--out', join(dir, 'audit.pem')], io, {})).toBe(0);
  writeFileSync(join(dir, 'public.pem'), `${lines.join('\n')}\n`);
  const db = openDb(join(dir, 'warden.db'));
  migrate(db, ALL_MIGRATIONS);
  const store = createStore(db);
  // Details a canonical-JSON reimplementation would get wrong: key order, exponents, DEL, quotes, emoji, nulls.
  const tricky = [{ z: 1, a: { y: [3, 1e-7, 1e21, 0.1], x: null } }, { text: 'line\nbreak \u007f "q" \\ é 😀 <!channel>' }, { amount: -0, big: 9007199254740991 }, {}];
  tricky.forEach((details, i) => {
    store.transaction(() => store.audit.append({ at: `2026-11-2${i}T10:00:00.000Z`, actor: 'UALICE', action: 'incident.note_added', incidentId: i % 2 ? null : 'INC-2026-0001', details }));
    if (i === 1) expect(runCheckpoint()).toBe(0);
  });
  db.close();
  expect(runCheckpoint()).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runCheckpoint(): number {
  const r = spawnSync(process.execPath, ['--import', 'tsx', repoPath('src/bin/warden.ts'), 'audit', 'checkpoint'], { env: { ...process.env, ...env() }, encoding: 'utf8' });
  return r.status ?? -1;
}

describe('re-verifying an export with openssl and jq alone (docs/audit.md)', () => {
  it('when the export and the checkpoints are intact, then the documented script verifies them', async () => {
    await exportTo(join(dir, 'audit.jsonl'));
    const r = verifyWithOpenssl(join(dir, 'audit.jsonl'));
    expect(r.err).toBe('');
    expect(r.out.trim()).toBe('OK: entries 1 to 4 verified; entries up to 4 are signed');
    expect(r.code).toBe(0);
  });

  it('when an export starts later (--since), then its entries still chain to the signed head', async () => {
    await exportTo(join(dir, 'since.jsonl'), '--since', '2026-11-22');
    expect(verifyWithOpenssl(join(dir, 'since.jsonl')).out.trim()).toBe('OK: entries 3 to 4 verified; entries up to 4 are signed');
  });

  it('when an exported entry is edited, even consistently in its fields and body, then the script fails at that entry', async () => {
    const text = readFileSync(join(dir, 'audit.jsonl'), 'utf8').split('\n');
    text[2] = text[2]!.replaceAll('"amount":0', '"amount":1').replaceAll('\\"amount\\":0', '\\"amount\\":1');
    expect(text[2]).toContain('\\"amount\\":1'); // the body changed too
    writeFileSync(join(dir, 'edited.jsonl'), text.join('\n'));
    const r = verifyWithOpenssl(join(dir, 'edited.jsonl'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('FAILED: entry 3: its hash does not match its content');
  });

  it('when a field is changed but the body left alone, then the body no longer says what the fields say', async () => {
    const text = readFileSync(join(dir, 'audit.jsonl'), 'utf8').replace('"actor":"UALICE"', '"actor":"UMALLORY"');
    writeFileSync(join(dir, 'fields.jsonl'), text);
    expect(verifyWithOpenssl(join(dir, 'fields.jsonl')).err).toContain('FAILED: entry 1: its body does not say what its fields say');
  });

  it('when the export is cut short, then the checkpoint shows it', async () => {
    const text = readFileSync(join(dir, 'audit.jsonl'), 'utf8').split('\n').slice(0, 3).join('\n');
    writeFileSync(join(dir, 'cut.jsonl'), `${text}\n`);
    expect(verifyWithOpenssl(join(dir, 'cut.jsonl')).err).toContain('FAILED: the checkpoints cover 4 entries but the export ends at entry 3');
  });

  it('when an entry is removed from the middle, then the script names it', async () => {
    const text = readFileSync(join(dir, 'audit.jsonl'), 'utf8').split('\n');
    writeFileSync(join(dir, 'gap.jsonl'), [text[0], text[2], text[3]].join('\n'));
    expect(verifyWithOpenssl(join(dir, 'gap.jsonl')).err).toContain('FAILED: entry 2 is missing');
  });

  it('when a checkpoint is altered or forged, then openssl refuses its signature', async () => {
    const checkpoints = readFileSync(join(dir, 'audit-checkpoints.jsonl'), 'utf8');
    writeFileSync(join(dir, 'forged.jsonl'), checkpoints.replace(/"count":4/, '"count":3'));
    const r = verifyWithOpenssl(join(dir, 'audit.jsonl'), join(dir, 'forged.jsonl'));
    expect(r.err).toContain('FAILED: checkpoint line 2: the signature does not verify');
    const reordered = checkpoints.trim().split('\n').reverse().join('\n');
    writeFileSync(join(dir, 'reordered.jsonl'), `${reordered}\n`);
    expect(verifyWithOpenssl(join(dir, 'audit.jsonl'), join(dir, 'reordered.jsonl')).err).toContain('FAILED: checkpoint line 1 does not chain');
  });

  it('uses only bash, jq and openssl (no node, no Warden)', () => {
    const script = documentedAuditScript();
    expect(script).not.toMatch(/\b(node|npx|python|awk|sed|cat)\b|^\s*warden\s/m);
    expect(execFileSync('bash', ['-n', join(dir, 'verify-audit.sh')]).toString()).toBe('');
  });
});
