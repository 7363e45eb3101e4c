import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { patchPolicyFrom } from '../../src/config/index.js';
import { patchDigestOf, runPatchCli } from '../../src/features/patches/index.js';
import { startFullHarness } from '../support/full-harness.js';
import { replyText, type Harness } from '../support/warden-harness.js';
import { expectOneMoreAt } from '../support/expect-reminder.js';

// The tests start on Wednesday 2026-11-25 at 09:00 UTC (10:00 in Paris); weekends are days off, no quiet hours. A
// critical finding discovered then is due at the end of Wednesday 2026-12-02 in Paris (22:59:59.999Z); reminders 2 days
// before and at the due time, then daily twice; escalation a day after the due time.
const CONFIG = {
  company: { timeZone: 'Europe/Paris' },
  quietHours: { start: '00:00', end: '00:00', timeZone: 'Europe/Paris' },
  permissions: { approvers: ['UAPPR001', 'UAPPR002'], roles: { manager: { users: ['UMANAG01'] } } },
  sla: { patch: { critical: '7d', reminders: { before: ['2d', 0 as const], overdueEvery: '1d', overdueMax: 2, escalateAfter: '1d' } } },
};
let h: Harness;

afterEach(async () => {
  await h.stop();
});

const start = async (config: Record<string, unknown> = {}) => {
  h = await startFullHarness({ ...CONFIG, ...config });
  h.clock.set(new Date('2026-11-25T09:00:00Z'));
};
const patch = async (text: string, user = 'UALICE') => replyText((await h.command('/patch', text, { user })).body);
const dmOf = (user: string) => h.slack.channels().find((c) => c.isIm && c.user === user)?.id;
const dms = (user: string, includes: string) => h.slack.calls('chat.postMessage').filter((c) => c.ok && c.args.channel === dmOf(user) && String(c.args.text).includes(includes));
const reminders = (user: string) => dms(user, 'Your critical finding').concat(dms(user, 'Your high finding'), dms(user, 'Your medium finding'), dms(user, 'Your low finding'));
const managersPosts = (includes: string) => h.slack.calls('chat.postMessage').filter((c) => c.ok && c.args.channel === 'security-managers' && String(c.args.text).includes(includes));
const finding = (id: string) => h.db.prepare('SELECT * FROM patch_findings WHERE id = ?').get(id) as Record<string, unknown> | undefined;
const audits = (prefix: string) => (h.db.prepare("SELECT action, actor, details FROM audit_log WHERE action LIKE ? ORDER BY seq").all(`${prefix}%`) as { action: string; actor: string; details: string }[]);

const expectReminderAt = (user: string, iso: string) => expectOneMoreAt(h, () => reminders(user), iso);

describe('the shipped reminder points, with quiet hours on', () => {
  it('when a critical finding is added with the default reminders, then half-way, 2 days before and noon of the due day reach the owner, none in quiet hours', async () => {
    await start({ quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Paris' }, sla: { patch: { critical: '7d' } } });
    await patch('add CVE-2026-3333 critical <@UBOB|bob> web-1 Shipped defaults');
    // Recorded Wed 25 Nov 10:00 Paris, due Wed 2 Dec 23:59:59.999 Paris. Half-way: Sun 29 Nov 05:00 Paris (a day off,
    // so Mon 30 Nov 07:00 Paris); 2 days before: Mon 30 Nov 23:59:59.999 (quiet, so Tue 1 Dec 07:00); 12 hours before: Wed 2 Dec 11:59:59.999.
    await expectReminderAt('UBOB', '2026-11-30T06:00:00.000Z');
    await expectReminderAt('UBOB', '2026-12-01T06:00:00.000Z');
    await expectReminderAt('UBOB', '2026-12-02T10:59:59.999Z');
    const local = reminders('UBOB').map((c) => new Date(c.at).toLocaleTimeString('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }));
    expect(local.every((t) => t >= '07:00' && t < '22:00')).toBe(true);
  });
});

describe('adding, showing, listing and closing findings', () => {
  it('when a critical is added, then it is due at the end of the Paris day 7 days on, shown, listed and audited', async () => {
    await start();
    const added = await patch('add CVE-2026-1111 critical <@UBOB|bob> web-1 OpenSSL <b>heap</b> overflow');
    expect(added).toContain(`Added *CVE-2026-1111* (critical) on web-1 for <@UBOB>, due <!date^${Math.floor(Date.parse('2026-12-02T22:59:59.999Z') / 1000)}^`);
    expect(finding('CVE-2026-1111')).toMatchObject({ severity: 'critical', owner: 'UBOB', asset: 'web-1', due_at: '2026-12-02T22:59:59.999Z', discovered_at: '2026-11-25T09:00:00.000Z', status: 'open' });
    const shown = await patch('show cve-2026-1111', 'UCAROL');
    expect(shown).toContain('*CVE-2026-1111* (critical) on *web-1*');
    expect(shown).toContain('OpenSSL &lt;b&gt;heap&lt;/b&gt; overflow');
    expect(await patch('list mine', 'UBOB')).toContain('*Your open findings* (1, 0 overdue)');
    expect(await patch('list', 'UCAROL')).toContain('Your open findings: none.');
    expect(await patch('list all', 'UCAROL')).toContain('*CVE-2026-1111* critical · web-1 · <@UBOB>');
    expect(audits('patch.added')).toHaveLength(1);
  });

  it('when discovered earlier, then the due time counts from that date; a future or unreadable date is refused', async () => {
    await start();
    await patch('add SEC-12 high <@UBOB|bob> db-1 --discovered 2026-11-01 stale TLS config');
    expect(finding('SEC-12')).toMatchObject({ discovered_at: '2026-10-31T23:00:00.000Z', due_at: '2026-12-01T22:59:59.999Z', description: 'stale TLS config' });
    expect(await patch('add SEC-13 high <@UBOB|bob> db-1 --discovered 2026-11-26')).toContain('The discovery date 2026-11-26 is in the future');
    expect(await patch('add SEC-13 high <@UBOB|bob> db-1 --discovered last-week')).toContain('`last-week` is not a discovery date');
    expect(finding('SEC-13')).toBeUndefined();
  });

  it('when the input is bad, then each refusal says why and nothing is stored', async () => {
    await start();
    expect(await patch('add SEC-1 severe <@UBOB|bob> web-1')).toContain('Unknown severity `severe`. Use one of: critical, high, medium, low');
    expect(await patch('add SEC-1 high')).toContain('An owner is required');
    expect(await patch('add SEC-1 high bob web-1')).toContain('`bob` is not a Slack user');
    expect(await patch('add SEC-1 high <@UBOB|bob>')).toContain('Name the asset');
    expect(await patch('show SEC-404')).toContain('No finding SEC-404');
    expect(await patch('done SEC-404 fixed')).toContain('No finding SEC-404');
    expect(h.db.prepare('SELECT count(*) AS n FROM patch_findings').get()).toEqual({ n: 0 });
    await patch('add SEC-1 high <@UBOB|bob> web-1');
    expect(await patch('add sec-1 low <@UBOB|bob> web-2')).toContain('There is already a finding SEC-1');
  });

  it("when someone else closes a finding, then only a manager may; the owner closes it with evidence, within its SLA", async () => {
    await start();
    await patch('add SEC-1 high <@UBOB|bob> web-1');
    expect(await patch('done SEC-1 https://tickets.example/1', 'UCAROL')).toMatch(/Only a Warden manager \(<@UMANAG01>\).* may change someone else's finding/);
    expect(await patch('done SEC-1', 'UBOB')).toContain('the evidence (a link, a ticket, a version) is required');
    expect(await patch('done SEC-1 https://tickets.example/1', 'UBOB')).toContain('*SEC-1* is done, within its SLA');
    expect(finding('SEC-1')).toMatchObject({ status: 'done', done_by: 'UBOB', evidence: 'https://tickets.example/1', closed_within_sla: 1 });
    expect(await patch('done SEC-1 again', 'UBOB')).toContain('SEC-1 is already done');
    await patch('add SEC-2 low <@UBOB|bob> web-1');
    expect(await patch('done SEC-2 replaced the host', 'UMANAG01')).toContain('*SEC-2* is done');
    expect(audits('access.denied').length).toBeGreaterThan(0);
  });

  it('when a manager changes the severity, then the due time is recomputed from discovery and audited with the reason', async () => {
    await start();
    await patch('add SEC-1 low <@UBOB|bob> web-1');
    await h.advance(3 * 86_400_000);
    expect(await patch('severity SEC-1 critical exploit published', 'UBOB')).toMatch(/Only a Warden manager/);
    expect(await patch('severity SEC-1 critical', 'UMANAG01')).toContain('the reason is required');
    expect(await patch('severity SEC-1 critical exploit published', 'UMANAG01')).toContain('*SEC-1* is now critical');
    expect(finding('SEC-1')).toMatchObject({ severity: 'critical', due_at: '2026-12-02T22:59:59.999Z' });
    expect(JSON.parse(audits('patch.severity_changed')[0]?.details ?? '{}')).toMatchObject({ from: 'low', to: 'critical', reason: 'exploit published' });
  });

  it('when the owner gives a finding to someone else, then the reminders go to the new owner', async () => {
    await start();
    await patch('add SEC-1 critical <@UBOB|bob> web-1');
    expect(await patch('owner SEC-1 <@UCAROL|carol>', 'UBOB')).toContain("is now <@UCAROL>'s");
    await expectReminderAt('UCAROL', '2026-11-30T22:59:59.999Z');
    expect(reminders('UBOB')).toHaveLength(0);
  });
});

describe('reminders and escalation', () => {
  it('when a critical stays open, then every reminder and the escalation go out once at their time, never twice, never after done', async () => {
    await start();
    await patch('add CVE-2026-1111 critical <@UBOB|bob> web-1 OpenSSL');
    await expectReminderAt('UBOB', '2026-11-30T22:59:59.999Z'); // 2 days before
    await expectReminderAt('UBOB', '2026-12-02T22:59:59.999Z'); // at the due time
    expect(managersPosts('CVE-2026-1111')).toHaveLength(0);
    await expectReminderAt('UBOB', '2026-12-03T22:59:59.999Z'); // overdue 1, and the escalation
    expect(managersPosts('is *overdue by 1 day*')).toHaveLength(1);
    await h.restart();
    await h.advance(0);
    expect(reminders('UBOB')).toHaveLength(3);
    await patch('done CVE-2026-1111 upgraded openssl 3.0.15', 'UBOB');
    await h.advance(5 * 86_400_000);
    expect(reminders('UBOB')).toHaveLength(3);
    expect(managersPosts('CVE-2026-1111')).toHaveLength(1);
    expect(finding('CVE-2026-1111')).toMatchObject({ closed_within_sla: 0 });
  });

  it('when Warden restarts between reminders, then none is lost and none repeats', async () => {
    await start();
    await patch('add SEC-1 critical <@UBOB|bob> web-1');
    h.clock.set(new Date('2026-11-30T12:00:00Z'));
    await h.restart();
    await expectReminderAt('UBOB', '2026-11-30T22:59:59.999Z');
    await h.restart();
    await h.advance(0);
    expect(reminders('UBOB')).toHaveLength(1);
    for (let day = 0; day < 4; day++) await h.advance(86_400_000);
    expect(reminders('UBOB').map((c) => c.at)).toEqual(['2026-11-30T22:59:59.999Z', '2026-12-02T22:59:59.999Z', '2026-12-03T22:59:59.999Z', '2026-12-04T22:59:59.999Z']);
    await h.advance(5 * 86_400_000);
    expect(reminders('UBOB')).toHaveLength(4);
  });
});

describe('risk acceptances', () => {
  const managersId = () => h.slack.channels().find((c) => c.name === 'security-managers')?.id as string;
  const approvalRequest = () => h.slack.messages(managersId()).find((m) => m.text.includes('Risk acceptance #1'));
  const click = async (actionId: string, userId: string) => {
    const id = `${actionId}-${userId}-${Math.random()}`;
    await h.action({ actionId, value: '1', userId, channelId: managersId(), messageTs: approvalRequest()?.ts as string, responseUrl: h.slack.responseUrl(id, { channelId: managersId(), userId }) });
    await h.settle();
    return String(h.slack.calls('response_url').find((c) => c.responseUrlId === id)?.args.text);
  };

  it('when an approver approves, then reminders pause until it ends; at its end the finding is overdue again and reminders resume', async () => {
    await start();
    await patch('add SEC-1 critical <@UBOB|bob> web-1');
    expect(await patch('accept SEC-1 2026-12-08 compensating WAF rule until the vendor ships', 'UBOB')).toContain('Asked the approvers for risk acceptance #1 of *SEC-1*');
    await h.settle();
    expect(approvalRequest()?.text).toContain('Asked by <@UBOB>');
    expect(await click('patch.acceptance_approve', 'UCAROL')).toContain('Only a Warden approver');
    expect(await click('patch.acceptance_approve', 'UAPPR001')).toBe('Risk acceptance #1 of SEC-1 is approved.');
    expect(dms('UBOB', 'was approved by <@UAPPR001>')).toHaveLength(1);
    expect(h.slack.calls('chat.update').some((c) => c.ok && String(c.args.text).includes('*approved* by <@UAPPR001>'))).toBe(true);
    expect(await click('patch.acceptance_refuse', 'UAPPR002')).toContain('already approved');
    // Paused: nothing at 2 days before, at due, or after; not overdue in the list or the digest.
    h.clock.set(new Date('2026-12-08T12:00:00Z'));
    await h.advance(0);
    expect(reminders('UBOB')).toHaveLength(0);
    expect(managersPosts('is *overdue')).toHaveLength(0);
    expect(patchDigestOf(h.db)(h.clock.now(), 10).overdueTotal).toBe(0);
    // The end of 2026-12-08 in Paris: expired, audited, overdue again, reminders resume on a new plan.
    h.clock.set(new Date('2026-12-08T22:59:59.999Z'));
    await h.advance(0);
    expect(dms('UBOB', 'has ended')).toHaveLength(1);
    expect(audits('patch.acceptance_').map((a) => a.action)).toEqual(['patch.acceptance_requested', 'patch.acceptance_approved', 'patch.acceptance_expired']);
    expect(patchDigestOf(h.db)(h.clock.now(), 10).overdueTotal).toBe(1);
    expect(managersPosts('is *overdue')).toHaveLength(1);
    await h.advance(86_400_000);
    expect(reminders('UBOB').map((c) => c.at)).toEqual(['2026-12-09T22:59:59.999Z']);
    expect(reminders('UBOB')[0]?.args.text).toContain('overdue by 7 days');
  });

  it('when the requester is an approver, then they cannot approve it themselves; another approver refuses it (audited)', async () => {
    await start();
    await patch('add SEC-1 high <@UAPPR001|appr> web-1');
    await patch('accept SEC-1 2026-12-10 legacy host retiring', 'UAPPR001');
    await h.settle();
    expect(await click('patch.acceptance_approve', 'UAPPR001')).toContain('another approver must decide it (four eyes)');
    expect(finding('SEC-1')).toMatchObject({ accepted_until: null });
    expect(await click('patch.acceptance_refuse', 'UAPPR002')).toBe('Risk acceptance #1 of SEC-1 is refused.');
    // The requester is told by DM (the stand-in knows no UAPPR001, so the DM is asked for and refused by Slack).
    expect(h.db.prepare("SELECT payload FROM jobs WHERE kind = 'patch.dm'").all()).toEqual([{ payload: JSON.stringify({ type: 'acceptance', acceptanceId: 1, outcome: 'refused', to: 'UAPPR001' }) }]);
    expect(audits('patch.acceptance_refused')).toHaveLength(1);
    expect(audits('access.denied').some((a) => a.details.includes('patch:approve'))).toBe(true);
  });

  it('when no approver is configured, then the request says admins decide and why', async () => {
    await start({ permissions: { admins: ['UADMIN01'] } });
    await patch('add SEC-1 high <@UBOB|bob> web-1');
    await patch('accept SEC-1 2026-12-10 legacy host', 'UBOB');
    await h.settle();
    const blocks = JSON.stringify(h.slack.calls('chat.postMessage').find((c) => c.ok && c.args.channel === 'security-managers')?.args.blocks);
    expect(blocks).toContain('No approver is configured in warden.yaml, so Warden admins decide (<@UADMIN01>)');
    expect(await click('patch.acceptance_approve', 'UADMIN01')).toContain('is approved');
  });
});

describe('the KEV catalog', () => {
  it('when the catalog lists a finding\'s CVE, then its due date moves earlier, the owner is reminded on the new plan and show says why', async () => {
    await start();
    await patch('add CVE-2026-2222 low <@UBOB|bob> web-1 old library');
    const kev = JSON.stringify({ catalogVersion: '2026.11.25', dateReleased: '2026-11-25T12:00:00.000Z', count: 1, vulnerabilities: [{ cveID: 'CVE-2026-2222', vendorProject: 'Acme', product: 'lib', vulnerabilityName: 'Acme lib RCE', dateAdded: '2026-11-24', shortDescription: 'x', requiredAction: 'patch', dueDate: '2026-11-30', knownRansomwareCampaignUse: 'Unknown', notes: '' }] });
    const path = `${h.db.name}.kev.json`;
    (await import('node:fs')).writeFileSync(path, kev);
    const out: string[] = [];
    const code = runPatchCli(['kev', 'import', path], { out: (s) => out.push(s), err: (s) => out.push(s) }, { db: h.db, policy: patchPolicyFrom(h.config), managersChannel: 'security-managers', clock: h.clock });
    expect([code, out.join('')]).toEqual([0, '1 KEV entries loaded; 1 open finding now due earlier: CVE-2026-2222']);
    expect(finding('CVE-2026-2222')).toMatchObject({ due_at: '2026-11-30T22:59:59.999Z' });
    expect(await patch('show CVE-2026-2222')).toContain("CVE-2026-2222 is in CISA's Known Exploited Vulnerabilities catalog: due by CISA's date 2026-11-30");
    // Two days before the new due time is a Saturday: held to Monday 00:00 in Paris.
    await expectReminderAt('UBOB', '2026-11-29T23:00:00.000Z');
    expect(reminders('UBOB')[0]?.args.text).toContain("Known Exploited Vulnerabilities");
  });
});

describe('/patch import from a file shared in Slack', () => {
  const report = () => readFileSync(new URL('../fixtures/scanners/trivy/alpine-310.json', import.meta.url), 'utf8');
  const importAs = async (text: string, user = 'UMANAG01') => {
    const r = await h.command('/patch', text, { user });
    await h.settle();
    return replyText(r.body);
  };

  it('when a manager gives the link of a report shared in a channel Warden is in, then it is downloaded with the bot token and imported', async () => {
    await start();
    const fileId = h.slack.shareFile(h.slack.channelByName('general')?.id as string, 'trivy.json', report());
    const link = `<https://acme.slack.com/files/UALICE/${fileId}/trivy.json>`;
    expect(await importAs(`import ${link} --asset web-1`)).toContain('An imported finding needs an owner: add --owner @person');
    expect(await importAs(`import ${link} --owner <@UBOB|bob> --asset web-1`)).toContain('Imported trivy.json (trivy): 3 new, 0 known, 0 gone.');
    expect(h.slack.calls('url_private_download').map((c) => c.args)).toEqual([{ file_id: fileId, authed: true }]);
    expect(await importAs(`import ${fileId} --owner <@UBOB|bob> --asset web-1`)).toContain('0 new, 3 known, 0 gone');
    expect(h.db.prepare("SELECT count(*) AS n FROM patch_findings WHERE asset = 'web-1' AND owner = 'UBOB'").get()).toEqual({ n: 3 });
  });

  it('when the file is truncated or not visible to Warden, then it is refused with the reason and nothing is stored', async () => {
    await start();
    const cut = h.slack.shareFile(h.slack.channelByName('general')?.id as string, 'cut.json', report().slice(0, 400));
    expect(await importAs(`import ${cut} --owner <@UBOB|bob>`)).toMatch(/line \d+, column \d+|truncated|ends/i);
    const elsewhere = h.slack.addChannel('secret-room', { botJoined: false }).id;
    const hidden = h.slack.shareFile(elsewhere, 'trivy.json', report());
    expect(await importAs(`import ${hidden} --owner <@UBOB|bob>`)).toContain(`Warden cannot see the file ${hidden}`);
    expect(h.db.prepare('SELECT count(*) AS n FROM patch_findings').get()).toEqual({ n: 0 });
  });
});

describe('digest read model', () => {
  it('counts open findings by severity, lists the overdue ones first and counts those closed within their SLA', async () => {
    await start();
    await patch('add SEC-1 critical <@UBOB|bob> web-1');
    await patch('add SEC-2 low <@UBOB|bob> web-1');
    await patch('add SEC-3 high <@UBOB|bob> web-2 --discovered 2026-10-01');
    await patch('done SEC-2 removed the package', 'UBOB');
    const digest = patchDigestOf(h.db)(h.clock.now(), 10);
    expect(digest.openBySeverity).toEqual({ critical: 1, high: 1, medium: 0, low: 0 });
    expect(digest.overdue.map((o) => o.id)).toEqual(['SEC-3']);
    expect(digest.overdueTotal).toBe(1);
    expect(digest.closedWithinSla).toEqual({ days30: { closed: 1, withinSla: 1 }, days90: { closed: 1, withinSla: 1 } });
  });
});
