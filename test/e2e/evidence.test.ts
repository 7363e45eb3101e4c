import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvidencePack, type EvidencePackOptions, type EvidenceSources } from '../../src/features/evidence/index.js';
import { WardenError } from '../../src/platform/errors.js';
import { errorOf } from '../support/error-of.js';
import { evidenceIncident, noticeText, sourcesOf } from '../features/evidence/evidence-incident.js';
import type { Harness } from '../support/warden-harness.js';
import { documentedAuditScript } from '../support/audit-script.js';
import { defaultsConfigFile } from '../support/defaults-config.js';

let h: Harness;
let id: string;
let out: string;
let pack: string;
const OTHER = 'INC-2026-0002';
const HOSTILE_TITLE = '# Owned <script>alert(1)</script> [click](javascript:alert(1)) | a | **b** ```';

const options = (over: Partial<EvidencePackOptions> = {}): EvidencePackOptions => ({ outDir: out, now: h.clock.now(), wardenVersion: '0.1.0', timeZone: 'Europe/Paris', ...over });
const freshDir = () => mkdtempSync(join(out, 'pack-'));
const read = (file: string, dir = pack) => readFileSync(join(dir, file), 'utf8');
const json = <T>(file: string, dir = pack) => JSON.parse(read(file, dir)) as T;
const filesIn = (dir: string) => (readdirSync(dir, { recursive: true, withFileTypes: true }) as { isFile(): boolean; name: string; parentPath: string }[])
  .filter((f) => f.isFile())
  .map((f) => join(f.parentPath, f.name).slice(dir.length + 1))
  .sort();
const sha256sum = (dir: string) => spawnSync('sha256sum', ['-c', 'MANIFEST.sha256'], { cwd: dir, encoding: 'utf8' });
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

beforeAll(async () => {
  ({ h, id } = await evidenceIncident());
  // A second incident, so the first one's pack has other incidents' audit entries to leave out.
  await h.incident(`declare sev3 ${HOSTILE_TITLE}`, { channel: 'CGENERAL' });
  await h.settle();
  await h.incident('note <img src=x onerror=alert(1)> ## not a heading', { channel: h.incidentChannel(OTHER), user: 'UBOB' });
  out = mkdtempSync(join(tmpdir(), 'warden-evidence-'));
  pack = buildEvidencePack(sourcesOf(h), id, options()).dir;
}, 60_000);
afterAll(async () => {
  await h.stop();
  rmSync(out, { recursive: true, force: true });
});

describe('the evidence pack of a real incident', () => {
  it('when built, then DIR/<id>/ holds the summary, every JSON file, the audit entries and the manifest', () => {
    expect(pack).toBe(join(out, id));
    expect(filesIn(pack)).toEqual(['MANIFEST.sha256', 'actions.json', 'audit/incident-entries.jsonl', 'clocks.json', 'incident.json', 'notices.json', 'playbook.json', 'review.json', 'roles.json', 'summary.md', 'timeline.json']);
  });

  it('when built, then incident.json and roles.json hold the record and who held each role from when to when', () => {
    expect(json('incident.json')).toMatchObject({ id, title: 'Checkout down', type: 'outage', severity: 'sev1', status: 'resolved', declaredBy: 'UALICE', declaredAt: '2026-11-22T09:00:00.000Z', resolvedAt: '2026-11-22T10:30:00.000Z', currentRoles: { commander: 'UBOB', comms: 'UCAROL' } });
    expect(json<{ severityHistory: unknown[] }>('incident.json').severityHistory).toEqual([
      { severity: 'sev2', from: '2026-11-22T09:00:00.000Z', until: '2026-11-22T09:10:00.000Z', by: 'UALICE' },
      { severity: 'sev1', from: '2026-11-22T09:10:00.000Z', until: null, by: 'UALICE' },
    ]);
    expect(json('roles.json')).toEqual({
      incidentId: id,
      roles: [
        { role: 'commander', userId: 'UALICE', from: '2026-11-22T09:00:00.000Z', until: '2026-11-22T09:30:00.000Z', by: 'UALICE' },
        { role: 'comms', userId: 'UCAROL', from: '2026-11-22T09:10:00.000Z', until: null, by: 'UALICE' },
        { role: 'commander', userId: 'UBOB', from: '2026-11-22T09:30:00.000Z', until: null, by: 'UALICE' },
      ],
    });
    const timeline = json<{ entries: { at: string; actor: string; text: string }[] }>('timeline.json').entries;
    expect(timeline).toHaveLength(h.warden.store.timeline.list(id).length);
    expect(timeline).toContainEqual({ at: '2026-11-22T09:05:00.000Z', kind: 'note', actor: 'UBOB', text: 'Rolled back the 14:02 deploy' });
  });

  it('when built, then clocks.json has who recorded each event, and each stage met or missed by the right margin', () => {
    type Clocks = { events: unknown[]; regimes: { id: string; appliedBy: string; stages: { stageId: string }[] }[] };
    const clocks = json<Clocks>('clocks.json');
    expect(clocks.events).toEqual([{ event: 'became_aware', at: '2026-11-21T08:00:00.000Z', recordedBy: 'UCAROL', recordedAt: '2026-11-22T09:10:00.000Z' }]);
    const stage = (regime: string, s: string) => clocks.regimes.find((r) => r.id === regime)?.stages.find((x) => x.stageId === s);
    // Aware 08:00Z the day before: GDPR's 72 h end 2026-11-24T08:00Z, sent 09:30Z on the 22nd, 46 h 30 min early.
    expect(stage('gdpr', 'supervisory_authority')).toMatchObject({ due: '2026-11-24T08:00:00.000Z', submittedAt: '2026-11-22T09:30:00.000Z', outcome: 'met', marginSeconds: 46.5 * 3600, margin: 'met with 1 d 22 h to spare' });
    // NIS2's early warning is due 24 h after awareness, 08:00Z on the 22nd: sent 1 h 30 min late.
    expect(stage('nis2', 'early_warning')).toMatchObject({ due: '2026-11-22T08:00:00.000Z', outcome: 'missed', marginSeconds: 5400, margin: 'missed by 1 h 30 min' });
    // Still running when the pack is made (10:30Z): the time left is measured to `now`.
    expect(stage('nis2', 'incident_notification')).toMatchObject({ outcome: 'open', marginSeconds: 45.5 * 3600 });
    expect(clocks.regimes.map((r) => [r.id, r.appliedBy])).toEqual([['gdpr', 'UCAROL'], ['nis2', 'UCAROL']]);
  });

  it('when built, then notices.json has the drafter, the approver and when, the reference and the SHA-256 of the text that was sent', () => {
    const stored = h.db.prepare("SELECT final_text FROM stage_submissions WHERE regime_id = 'gdpr'").get() as { final_text: string };
    expect(stored.final_text).toBe(noticeText.trim());
    const [sent, bare] = json<{ notices: Record<string, unknown>[] }>('notices.json').notices;
    expect(sent).toEqual({
      noticeId: 1,
      stage: 'gdpr:supervisory_authority',
      template: 'regulator-gdpr-art33',
      status: 'submitted',
      draftedBy: 'ULEGAL01',
      draftedAt: '2026-11-22T09:10:00.000Z',
      approvedBy: 'UDPO0001',
      approvedAt: '2026-11-22T09:20:00.000Z',
      submittedBy: 'UCAROL',
      submittedAt: '2026-11-22T09:30:00.000Z',
      reference: 'DPC-2026-0042',
      textSha256: sha256(stored.final_text),
      text: stored.final_text,
    });
    expect(bare).toMatchObject({ noticeId: null, stage: 'nis2:early_warning', reference: 'CSIRT-77', draftedBy: null, approvedBy: null, textSha256: null });
  });

  it('when built, then playbook.json, actions.json and review.json say who did what, when, with what evidence', () => {
    const steps = json<{ playbook: { name: string; steps: Record<string, unknown>[] } }>('playbook.json').playbook;
    expect(steps.name).toBe('Service outage');
    expect(steps.steps).toContainEqual(expect.objectContaining({ title: 'Assign commander, comms and ops leads', status: 'done', by: 'UALICE', at: '2026-11-22T09:10:00.000Z', evidence: 'Roles are in the channel topic' }));
    expect(steps.steps).toContainEqual(expect.objectContaining({ title: 'List recent changes', status: 'skipped', by: 'UALICE', reason: 'No change in the last day' }));
    expect(json('actions.json')).toEqual({
      incidentId: id,
      items: [{ id: 'A1', text: 'Add a canary for checkout deploys', owner: 'UBOB', dueAt: '2026-11-25T09:30:00.000Z', status: 'done', createdBy: 'UALICE', createdAt: '2026-11-22T09:30:00.000Z', doneBy: 'UBOB', doneAt: '2026-11-22T09:30:00.000Z', evidence: 'https://tickets.example/SEC-12' }],
    });
    const stored = h.db.prepare('SELECT owner, due_at, status FROM reviews WHERE incident_id = ?').get(id) as { owner: string; due_at: string; status: string };
    expect(json('review.json')).toMatchObject({ incidentId: id, status: stored.status, owner: stored.owner, dueAt: stored.due_at, decidedBy: null });
  });

  it('when built, then the audit entries are exactly the incident’s, as stored, with the stored keys in order', () => {
    const lines = read('audit/incident-entries.jsonl').trimEnd().split('\n');
    const stored = h.warden.store.audit.forIncident(id);
    const total = h.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number };
    expect(total.n).toBeGreaterThan(stored.length); // the other incident's entries exist, and are left out
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(stored);
    for (const line of lines) expect(Object.keys(JSON.parse(line) as object)).toEqual(['seq', 'at', 'actor', 'action', 'incidentId', 'details', 'prevHash', 'hash']);
    expect(stored.map((e) => e.action)).toEqual(expect.arrayContaining(['notice.drafted', 'notice.approved', 'notice.submitted']));
  });

  it('when built, then summary.md gives each instant in UTC and Paris time, when and by which version it was made, and no review section says “no review”', () => {
    const md = read('summary.md');
    expect(md).toContain('Made 2026-11-22 10:30 UTC (2026-11-22 11:30 CET) by Warden 0.1.0');
    expect(md).toContain('- commander: @UALICE from 2026-11-22 09:00 UTC (2026-11-22 10:00 CET) to 2026-11-22 09:30 UTC (2026-11-22 10:30 CET), assigned by @UALICE');
    expect(md).toContain('- early\\_warning → national CSIRT or competent authority: due 2026-11-22 08:00 UTC (2026-11-22 09:00 CET), submitted 2026-11-22 09:30 UTC (2026-11-22 10:30 CET); missed by 1 h 30 min');
    expect(md).toContain(`approved by @UDPO0001 at 2026-11-22 09:20 UTC (2026-11-22 10:20 CET); submitted 2026-11-22 09:30 UTC (2026-11-22 10:30 CET) by @UCAROL, reference DPC-2026-0042; text SHA-256 ${sha256(noticeText.trim())}`);
    expect(md).toContain('- [done] Assign commander, comms and ops leads (Detection & analysis): @UALICE, 2026-11-22 09:10 UTC (2026-11-22 10:10 CET); evidence: Roles are in the channel topic');
    expect(md).toContain('- A1 [done] Add a canary for checkout deploys: owner @UBOB');
    expect(md).toContain('## Post-incident review\n\n- Status: scheduled; owner @UBOB');
    expect(md).toMatch(/\d+ audit entries of this incident .* all match\./);
  });

  it('when read, then the pack never wrote to the database', () => {
    const changes = () => (h.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const before = changes();
    buildEvidencePack(sourcesOf(h), id, options({ outDir: freshDir() }));
    expect(changes()).toBe(before);
  });
});

describe('checking a pack', () => {
  it('when sha256sum -c runs in the pack, then every file checks out, and the manifest lists every other file sorted by path', () => {
    const result = execFileSync('sha256sum', ['-c', 'MANIFEST.sha256'], { cwd: pack, encoding: 'utf8' });
    const listed = read('MANIFEST.sha256').trimEnd().split('\n').map((l) => l.split('  ')[1]);
    expect(listed).toEqual(filesIn(pack).filter((f) => f !== 'MANIFEST.sha256'));
    expect(result.trimEnd().split('\n')).toEqual(listed.map((f) => `${f}: OK`));
  });

  it('when one file is edited after the pack was made, then sha256sum -c fails on that file', () => {
    const copy = buildEvidencePack(sourcesOf(h), id, options({ outDir: freshDir() })).dir;
    appendFileSync(join(copy, 'clocks.json'), ' ');
    const result = sha256sum(copy);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toContain('clocks.json: FAILED');
    expect(result.stdout).toContain('summary.md: OK');
  });

  it('when the audit feature gives a proof, then its files go under audit/, are in the manifest and named in the summary', () => {
    const proof = [{ path: 'checkpoint-proof.json', content: '{"checkpoint":1}\n' }];
    const dir = buildEvidencePack(sourcesOf(h), id, options({ outDir: freshDir(), auditProof: (incident) => (incident === id ? proof : []) })).dir;
    expect(read('audit/checkpoint-proof.json', dir)).toBe('{"checkpoint":1}\n');
    expect(read('MANIFEST.sha256', dir)).toContain(`${sha256('{"checkpoint":1}\n')}  audit/checkpoint-proof.json`);
    expect(read('summary.md', dir)).toContain('The chain proof for these entries: audit/checkpoint-proof.json.');
    expect(sha256sum(dir).status).toBe(0);
  });

  it('when a proof file would leave audit/, then nothing is written', () => {
    const outDir = freshDir();
    const error = errorOf(() => buildEvidencePack(sourcesOf(h), id, options({ outDir, auditProof: () => [{ path: '../../escape.txt', content: 'x' }] })));
    expect(error).toMatchObject({ code: 'bad_input' });
    expect(readdirSync(outDir)).toEqual([]);
  });
});

describe('refusals', () => {
  it('when the pack directory already exists, then it is refused by name and the existing evidence is left as it was', () => {
    const manifest = read('MANIFEST.sha256');
    const error = errorOf(() => buildEvidencePack(sourcesOf(h), id, options()));
    expect(error).toBeInstanceOf(WardenError);
    expect(error).toMatchObject({ code: 'conflict', message: expect.stringContaining(`${pack} already exists`) });
    expect(read('MANIFEST.sha256')).toBe(manifest);
    expect(sha256sum(pack).status).toBe(0);
  });

  it('when the incident is unknown or the id malformed, then it is refused and no directory is made', () => {
    const outDir = freshDir();
    expect(errorOf(() => buildEvidencePack(sourcesOf(h), 'INC-2026-0999', options({ outDir })))).toMatchObject({ code: 'not_found', message: 'No incident INC-2026-0999.' });
    expect(errorOf(() => buildEvidencePack(sourcesOf(h), '../INC-2026-0001', options({ outDir })))).toMatchObject({ code: 'bad_input', message: expect.stringContaining('is not an incident id') });
    expect(readdirSync(outDir)).toEqual([]);
  });
});

describe('user text in the summary', () => {
  const HEADINGS = /^#{1,3} (Evidence pack: INC-2026-\d{4}|Incident|Severity|Roles|Clock events|Legal and contractual clocks|Notices|Playbook|Playbook: General security incident|Post-incident review|Action items|Timeline|Audit trail|Files)$/;
  const structureOf = (md: string) => md.split('\n').filter((l) => /^\s{0,3}(#|<|\||```|~~~|>|=|-{3})/.test(l));

  it('when a title and a note carry Markdown and HTML, then they stay escaped text and the summary keeps only its own headings', () => {
    const dir = buildEvidencePack(sourcesOf(h), OTHER, options({ outDir: freshDir() })).dir;
    const md = read('summary.md', dir);
    expect(json<{ title: string }>('incident.json', dir).title).toBe(HOSTILE_TITLE);
    expect(md).toContain('- Title: \\# Owned \\<script\\>alert(1)\\</script\\> \\[click\\](javascript:alert(1)) \\| a \\| \\*\\*b\\*\\* \\`\\`\\`');
    expect(md).toContain('\\<img src=x onerror=alert(1)\\> \\#\\# not a heading');
    expect(md).not.toMatch(/(^|[^\\])</m);
    for (const line of structureOf(md)) expect(line).toMatch(HEADINGS);
  });

  it('when a title holds line breaks, then it stays on its line and cannot start a heading or a block', () => {
    const real = sourcesOf(h);
    const sources: EvidenceSources = { ...real, incident: (i) => { const inc = real.incident(i); return inc && { ...inc, title: 'Down\n# Injected\n\n<div>\n```\n| x |' }; } };
    const md = read('summary.md', buildEvidencePack(sources, OTHER, options({ outDir: freshDir() })).dir);
    expect(md).toContain('- Title: Down \\# Injected \\<div\\> \\`\\`\\` \\| x \\|\n');
    for (const line of structureOf(md)) expect(line).toMatch(HEADINGS);
  });

  it('when an incident has no review and no action items, then their files are left out and the summary says so', () => {
    const dir = buildEvidencePack(sourcesOf(h), OTHER, options({ outDir: freshDir() })).dir;
    expect(filesIn(dir)).toEqual(['MANIFEST.sha256', 'audit/incident-entries.jsonl', 'clocks.json', 'incident.json', 'notices.json', 'playbook.json', 'roles.json', 'summary.md', 'timeline.json']);
    const md = read('summary.md', dir);
    expect(md).toContain('## Post-incident review\n\nNo review: none was scheduled for this incident.');
    expect(md).toContain('## Action items\n\nNo action items.');
    expect(sha256sum(dir).status).toBe(0);
  });
});

describe('warden evidence', () => {
  const cli = async (argv: string[], env: NodeJS.ProcessEnv) => {
    const { runCli } = await import('../../src/cli/run-cli.js');
    const lines = { out: [] as string[], err: [] as string[] };
    const code = await runCli(['evidence', ...argv], { out: (s) => lines.out.push(s), err: (s) => lines.err.push(s) }, env);
    return { code, out: lines.out.join('\n'), err: lines.err.join('\n') };
  };
  const envOf = (db = h.db.name) => ({ WARDEN_DB: db, WARDEN_CONFIG: defaultsConfigFile(join(out, 'config')) });

  it('when run with --out, then it writes the pack there from WARDEN_DB and prints the directory and the file count', async () => {
    const outDir = freshDir();
    const r = await cli([id, '--out', outDir], envOf());
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain(`wrote the evidence pack of ${id} to ${join(outDir, id)} (13 files)`);
    expect(sha256sum(join(outDir, id)).status).toBe(0);
    expect(read('summary.md', join(outDir, id))).toContain('Times are in UTC and in the company zone (UTC).');
  });

  it('when WARDEN_DB does not exist, then it is an error and no database is created', async () => {
    const missing = join(out, 'nowhere', 'warden.db');
    const r = await cli([id, '--out', freshDir()], envOf(missing));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`WARDEN_DB: there is no database at ${missing}`);
    expect(existsSync(missing)).toBe(false);
  });

  it('when the incident is unknown, malformed or missing, or the pack exists, then it says which', async () => {
    const outDir = freshDir();
    expect(await cli(['INC-2026-0999', '--out', outDir], envOf())).toMatchObject({ code: 1, err: 'warden: No incident INC-2026-0999.' });
    expect(await cli(['42', '--out', outDir], envOf())).toMatchObject({ code: 1, err: expect.stringContaining('"42" is not an incident id') });
    expect(await cli(['--out', outDir], envOf())).toMatchObject({ code: 2, err: expect.stringContaining('name the incident') });
    expect((await cli([id, '--out', outDir], envOf())).code).toBe(0);
    expect(await cli([id, '--out', outDir], envOf())).toMatchObject({ code: 1, err: expect.stringContaining(`${join(outDir, id)} already exists`) });
  });

  it('when checkpoints are signed, then the pack carries the chain segment, the checkpoints and the key, and docs/audit.md\'s script verifies them', async () => {
    const keyDir = mkdtempSync(join(out, 'key-'));
    const env = { ...envOf(), WARDEN_AUDIT_KEY_FILE: join(keyDir, 'audit.pem'), WARDEN_AUDIT_CHECKPOINTS: join(keyDir, 'checkpoints.jsonl') };
    const { runCli } = await import('../../src/cli/run-cli.js');
    const quiet = { out: () => undefined, err: () => undefined };
    expect(await runCli(['audit', 'keygen', '--out', env.WARDEN_AUDIT_KEY_FILE], quiet, {})).toBe(0);
    expect(await runCli(['audit', 'checkpoint'], quiet, env)).toBe(0);
    const outDir = freshDir();
    expect((await cli([id, '--out', outDir], env)).code).toBe(0);
    const audit = join(outDir, id, 'audit');
    expect(readdirSync(audit).sort()).toEqual(['chain-segment.jsonl', 'checkpoints.jsonl', 'incident-entries.jsonl', 'public-key.pem', 'verification.json']);
    const verification = JSON.parse(read('audit/verification.json', join(outDir, id))) as { problems: unknown[]; lastCheckpoint: { count: number } };
    expect(verification.problems).toEqual([]);
    const script = join(keyDir, 'verify-audit.sh');
    writeFileSync(script, documentedAuditScript());
    const r = spawnSync('bash', [script, join(audit, 'chain-segment.jsonl'), join(audit, 'checkpoints.jsonl'), join(audit, 'public-key.pem')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(new RegExp(`^OK: entries \\d+ to ${verification.lastCheckpoint.count} verified; entries up to ${verification.lastCheckpoint.count} are signed`));
    expect(sha256sum(join(outDir, id)).status).toBe(0);
  });
});
