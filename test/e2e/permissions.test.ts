import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PERMISSIONS, type Permission } from '../../src/features/access/index.js';
import { startFullHarness } from '../support/full-harness.js';
import { replyText, type Harness } from '../support/warden-harness.js';

// UALICE declares (so she is the commander), UBOB and UCAROL are members without any Warden role.
// Security incidents are private by default (as shipped), so `visibility public` has something to change.
const CONFIG = { permissions: { admins: ['UADMIN01'], approvers: ['ULEGAL01'] }, incidents: { privateTypes: ['security' as const] } };
let h: Harness;
let channel: string;
const say = async (text: string, user: string, command = '/incident') => replyText((await h.command(command, text, { channel, user })).body);
// Every denial, of an incident or not (acts between incidents are audited with no incident).
const denials = () => (h.db.prepare("SELECT actor, details FROM audit_log WHERE action = 'access.denied' ORDER BY seq").all() as { actor: string; details: string }[]).map((e) => [e.actor, JSON.parse(e.details).permission]);

beforeEach(async () => {
  h = await startFullHarness(CONFIG);
  await h.incident('declare sev2 Customer export bucket public');
  await h.settle();
  channel = h.incidentChannel();
});
afterEach(async () => {
  await h.stop();
});

/** How to attempt each act that needs more than channel membership, as a member without the role (UBOB). */
const ATTEMPTS: Partial<Record<Permission, { setup?: string[]; text: string; command?: string }>> = {
  '/incident sev': { text: 'sev sev1' },
  '/incident close': { setup: ['resolve'], text: 'close' },
  '/incident status:close': { setup: ['resolve'], text: 'status closed' },
  '/incident status:reopen': { setup: ['resolve'], text: 'status investigating' },
  '/incident role:commander': { text: 'role commander <@UBOB|bob>' },
  '/incident role:held': { setup: ['role scribe <@UCAROL|carol>'], text: 'role scribe <@UBOB|bob>' },
  '/incident regime:remove': { setup: ['clock became_aware', 'regime add gdpr'], text: 'regime remove gdpr' },
  '/incident entity:set': { text: 'entity Acme Pay SA' },
  '/incident visibility:public': { setup: [], text: 'visibility public' },
  '/incident notnotifiable': { setup: ['clock became_aware', 'regime add gdpr'], text: 'notnotifiable gdpr:supervisory_authority Encrypted laptop' },
  '/incident pir:schedule': { setup: ['resolve'], text: 'pir schedule 2027-01-04 10:00' },
  '/incident pir:owner': { setup: ['resolve'], text: 'pir owner <@UCAROL|carol>' },
  '/incident pir:done': { setup: ['resolve'], text: 'pir done https://wiki.example.com/reviews/1' },
  '/incident pir:waive': { setup: ['resolve'], text: 'pir waive Not needed' },
  '/incident action:others': { setup: ['action add <@UALICE|alice> +3d Rotate keys'], text: 'action done A1 done it' },
  '/access-review add': { command: '/access-review', text: 'add billing-db <@UCAROL|carol>' },
  '/access-review owner': { command: '/access-review', text: 'owner production <@UCAROL|carol>' },
  'access-review:others': { command: '/access-review', text: 'done production https://tickets.example.com/ACC-1' },
  '/patch severity': { command: '/patch', setup: ['add SEC-1 low <@UBOB|bob> web-1'], text: 'severity SEC-1 critical exploit published' },
  '/patch import': { command: '/patch', text: 'import F0123ABCD --owner <@UBOB|bob>' },
  'patch:others': { command: '/patch', setup: ['add SEC-1 high <@UALICE|alice> web-1'], text: 'done SEC-1 patched it' },
  '/warden digest': { command: '/warden', text: 'digest' },
};
/** Acts on buttons, tried through clicks in test/e2e/notices.test.ts (drafter, non-approver, admin without approvers) and test/e2e/patches.test.ts (risk acceptances). */
const TRIED_ELSEWHERE: readonly Permission[] = ['notice:approve', 'notice:changes', 'patch:approve'];

describe('the permission table', () => {
  it('when Warden starts with every feature, then every verb of every root command has a row (a new verb without one fails here)', () => {
    const missing = h.warden.commandKeys().filter((key) => !Object.hasOwn(PERMISSIONS, key));
    expect(missing).toEqual([]);
  });

  it('when a row needs more than membership, then this suite tries it (a new such row without an attempt fails here)', () => {
    const privileged = (Object.keys(PERMISSIONS) as Permission[]).filter((k) => !['anyone', 'member'].includes(PERMISSIONS[k].need));
    expect(privileged.filter((k) => !ATTEMPTS[k] && !TRIED_ELSEWHERE.includes(k))).toEqual([]);
  });

  it.each(Object.entries(ATTEMPTS))('when a member without the role tries %s, then it is refused, named, audited and nothing changes', async (permission, attempt) => {
    for (const text of attempt.setup ?? []) await say(text, 'UALICE', attempt.command);
    const before = h.warden.store.incidents.get('INC-2026-0001');
    const answer = await say(attempt.text, 'UBOB', attempt.command);
    const rule = PERMISSIONS[permission as Permission];
    expect(answer).toMatch(new RegExp(`^:no_entry: Only .+ may ${rule.act}\\.`));
    const needs = { commander: /the commander \(<@UALICE>\) or a Warden admin \(<@UADMIN01>\)/, approver: /a Warden approver \(<@ULEGAL01>\)/, manager: /a Warden manager \(none is configured\) or an admin \(<@UADMIN01>\)/ };
    expect(answer).toMatch(needs[rule.need as keyof typeof needs]);
    expect(denials()).toEqual([['UBOB', permission]]);
    expect(h.warden.store.incidents.get('INC-2026-0001')).toEqual(before);
  });
});

describe('roles in an incident', () => {
  it('when a member takes a free role, then it is theirs; taking it from them needs the commander', async () => {
    expect(await say('role scribe <@UBOB|bob>', 'UBOB')).toContain('Role *scribe* assigned.');
    expect(await say('role scribe <@UCAROL|carol>', 'UCAROL')).toContain(':no_entry: Only the commander (<@UALICE>) or a Warden admin (<@UADMIN01>) may give a role someone else holds.');
    expect(await say('role scribe <@UCAROL|carol>', 'UALICE')).toContain('Role *scribe* assigned.');
    expect(h.warden.store.incidents.get('INC-2026-0001')?.roles.scribe).toBe('UCAROL');
  });

  it('when a member makes themselves commander, then it is refused; the commander hands over, and the new one may close', async () => {
    expect(await say('role commander <@UBOB|bob>', 'UBOB')).toContain(':no_entry: Only the commander (<@UALICE>)');
    expect(await say('role commander <@UBOB|bob>', 'UALICE')).toContain('Role *commander* assigned.');
    expect(await say('sev sev1', 'UALICE')).toContain(':no_entry: Only the commander (<@UBOB>)');
    expect(await say('sev sev1', 'UBOB')).toContain('is now *sev1*');
    await say('resolve', 'UCAROL');
    // The review belongs to the commander at resolution: the new one.
    expect(await say('pir done https://wiki.example.com/reviews/1', 'UBOB')).toContain('recorded as done');
    expect(await say('close', 'UBOB')).toContain('is now *closed*');
  });

  it('when an admin acts on an incident they do not command, then it is allowed', async () => {
    await say('resolve', 'UBOB');
    expect(await say('status investigating', 'UADMIN01')).toContain('is now *investigating*');
  });
});

describe('help and whoami read the table', () => {
  it('when a member asks for help in the channel, then commander and approver verbs are left out; the commander sees them', async () => {
    const bob = await say('help', 'UBOB');
    expect(bob).toMatch(/`\/incident update /);
    expect(bob).not.toMatch(/`\/incident (close|sev|notnotifiable)/);
    const alice = await say('help', 'UALICE');
    expect(alice).toMatch(/`\/incident close`/);
    expect(alice).toMatch(/`\/incident sev /);
    expect(alice).not.toMatch(/`\/incident notnotifiable/);
    expect(await say('help', 'ULEGAL01')).toMatch(/`\/incident notnotifiable/);
  });

  it('when a person asks whoami, then their Warden roles and what they may not do are listed', async () => {
    const legal = replyText((await h.command('/warden', 'whoami', { user: 'ULEGAL01' })).body);
    expect(legal).toContain('Warden roles: approver.');
    expect(legal).toContain('approve a notice');
    const bob = replyText((await h.command('/warden', 'whoami', { user: 'UBOB' })).body);
    expect(bob).toContain('You hold no Warden role.');
    expect(bob).toMatch(/\*You may not\* [^\n]*approve a notice/);
    expect(bob).toMatch(/\*As an incident's commander you may also\* [^\n]*close an incident/);
  });
});
