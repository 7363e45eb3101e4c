import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { wardenFeatures } from '../../src/compose-features.js';
import { parseConfig } from '../../src/config/index.js';
import { signatureVerifies, type Checkpoint } from '../../src/features/audit/index.js';
import { startHarness, type Harness } from '../support/warden-harness.js';

const HOUR = 3_600_000;
let h: Harness;
let dir: string;
const key = generateKeyPairSync('ed25519');
const file = () => join(dir, 'audit-checkpoints.jsonl');
const checkpoints = (): Checkpoint[] => readFileSync(file(), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Checkpoint);
const auditPosts = () => h.slack.calls('chat.postMessage').filter((c) => c.args.channel === 'audit-log');
const auditHead = () => h.db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get()!;

async function start(withKey = true) {
  // No scheduled backup: its `backup.taken` entries would move the head these tests compare with the checkpoints.
  const input = { digests: [], backups: { every: 'off' as const }, channels: { audit: 'audit-log' } };
  h = await startHarness({ config: input, start: '2026-12-02T09:20:00.000Z', features: wardenFeatures(parseConfig(input), undefined, undefined, withKey ? { key: key.privateKey, path: file() } : null) });
  h.slack.addChannel('audit-log', { botJoined: true });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'warden-checkpoints-'));
});
afterEach(async () => {
  await h?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('signed audit checkpoints in a running Warden', () => {
  it('when the hour turns, then the head is signed, appended to the file and posted to the audit channel', async () => {
    await start();
    await h.incident('declare sev2 Payments are slow');
    await h.settle();
    await h.advance(40 * 60_000); // 10:00
    const [cp] = checkpoints();
    expect(cp).toMatchObject({ kind: 'checkpoint', count: auditHead().seq, head: auditHead().hash, at: '2026-12-02T10:00:00.000Z', prev: '' });
    expect(signatureVerifies(cp!, [createPublicKey(key.privateKey)])).toBe(true);
    await h.settle();
    expect(auditPosts()).toHaveLength(1);
    expect(String(auditPosts()[0]!.args.text)).toContain(`:lock: Audit checkpoint: *${cp!.count}* entries, signed at 2026-12-02T10:00:00.000Z`);
    expect(String(auditPosts()[0]!.args.text)).toContain(cp!.sig);
  });

  it('when an hour passes with nothing new, then it is signed again (the series shows nothing was removed) but not posted again', async () => {
    await start();
    await h.incident('declare sev2 Payments are slow');
    await h.settle();
    await h.advance(40 * 60_000);
    await h.advance(HOUR);
    await h.settle();
    const [first, second] = checkpoints();
    expect(second).toMatchObject({ count: first!.count, head: first!.head, at: '2026-12-02T11:00:00.000Z', prev: first!.sig });
    expect(auditPosts()).toHaveLength(1);
  });

  it('when Warden stops after changes, then it signs on the way out; after the restart the series goes on, one job a slot', async () => {
    await start();
    await h.incident('declare sev2 Payments are slow');
    await h.settle();
    await h.restart();
    expect(checkpoints()).toHaveLength(1);
    expect(checkpoints()[0]).toMatchObject({ count: auditHead().seq, at: '2026-12-02T09:20:00.000Z' });
    await h.restart(); // nothing changed: nothing more to sign
    expect(checkpoints()).toHaveLength(1);
    expect(h.db.prepare("SELECT COUNT(*) AS n FROM jobs WHERE kind = 'audit.checkpoint' AND status = 'pending'").get()).toEqual({ n: 1 });
    await h.advance(40 * 60_000);
    await h.settle();
    expect(checkpoints().map((c) => c.at)).toEqual(['2026-12-02T09:20:00.000Z', '2026-12-02T10:00:00.000Z']);
    expect(checkpoints()[1]!.prev).toBe(checkpoints()[0]!.sig);
    expect(auditPosts()).toHaveLength(1); // the shutdown one; 10:00 had nothing new
  });

  it('reports the last checkpoint on /readyz and its age on /metrics; warden audit verify accepts what it signed', async () => {
    await start();
    await h.incident('declare sev2 Payments are slow');
    await h.settle();
    const before = (await (await fetch(`${h.url}/readyz`)).json()) as { checks: Record<string, unknown> };
    expect(before.checks.auditCheckpoint).toBe('none yet');
    await h.advance(40 * 60_000);
    h.clock.advance(5 * 60_000);
    const ready = (await (await fetch(`${h.url}/readyz`)).json()) as { checks: Record<string, unknown> };
    expect(ready.checks.auditCheckpoint).toEqual({ at: '2026-12-02T10:00:00.000Z', ageSeconds: 300, entries: checkpoints()[0]!.count });
    expect(await (await fetch(`${h.url}/metrics`)).text()).toMatch(/^warden_audit_checkpoint_age_seconds 300$/m);
    const pem = key.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    writeFileSync(join(dir, 'key.pem'), pem, { mode: 0o600 });
    const err: string[] = [];
    const code = await runCli(['audit', 'verify'], { out: () => undefined, err: (s) => void err.push(s) }, { WARDEN_DB: h.db.name, WARDEN_AUDIT_KEY_FILE: join(dir, 'key.pem'), WARDEN_AUDIT_CHECKPOINTS: file() });
    expect(err.join('\n')).toBe('');
    expect(code).toBe(0);
  });

  it('when no key is set, then /readyz says checkpoints are off and no file is written', async () => {
    await start(false);
    await h.advance(HOUR);
    const ready = (await (await fetch(`${h.url}/readyz`)).json()) as { checks: Record<string, unknown> };
    expect(ready.checks.auditCheckpoint).toBe('off: WARDEN_AUDIT_KEY is not set');
    expect(() => readFileSync(file())).toThrow(/ENOENT/);
  });

  it('when the checkpoint file is damaged, then Warden refuses to start rather than begin a second chain', async () => {
    await start();
    await h.incident('declare sev2 Payments are slow');
    await h.settle();
    await h.advance(40 * 60_000);
    writeFileSync(file(), `${readFileSync(file(), 'utf8')}{"v":1,"kin`);
    await expect(h.restart()).rejects.toThrow('the last checkpoint is not readable');
    writeFileSync(file(), readFileSync(file(), 'utf8').replace(/\{"v":1,"kin$/, ''));
    await h.restart();
    expect(checkpoints()).toHaveLength(1);
  });
});
