import { describe, expect, it } from 'vitest';
import { createAccessControl, isAccessDenied, type DenialFacts } from '../../../../src/features/access/index.js';
import { ManualClock } from '../../../../src/platform/clock.js';

const MIN = 60_000;

function world(groups: Record<string, string[] | Error>) {
  const clock = new ManualClock('2026-12-01T09:00:00Z');
  const denials: DenialFacts[] = [];
  const lookups: string[] = [];
  const access = createAccessControl({
    roles: { admin: { users: ['UADMIN01'], groups: ['S0SECLEAD'] }, approver: { users: [], groups: ['S0LEGAL'] }, manager: { users: ['UMANAGER'], groups: [] } },
    clock,
    groupCacheTtlMs: 5 * MIN,
    recordDenial: (facts) => void denials.push(facts),
  });
  access.useLookup(async (id) => {
    lookups.push(id);
    const g = groups[id];
    if (!g) throw new Error('no_such_subteam');
    if (g instanceof Error) throw g;
    return g;
  });
  return { access, clock, denials, lookups, groups };
}

const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    if (isAccessDenied(e)) return e;
    throw e;
  }
  throw new Error('expected a refusal');
};

describe('access control', () => {
  it('when a role is granted directly and through user groups, then each shows how it is held', async () => {
    const { access } = world({ S0SECLEAD: ['UCAROL'], S0LEGAL: ['UCAROL', 'UDAVE'] });
    await access.warm();
    expect(access.rolesOf('UCAROL')).toEqual([{ role: 'admin', via: 'S0SECLEAD' }, { role: 'approver', via: 'S0LEGAL' }]);
    expect(access.rolesOf('UADMIN01')).toEqual([{ role: 'admin', via: null }]);
    expect(access.rolesOf('UMANAGER')).toEqual([{ role: 'manager', via: null }]);
    expect(access.rolesOf('UNOBODY')).toEqual([]);
  });

  it('when the groups were never read (no warm-up), then they grant nothing', () => {
    const { access } = world({ S0SECLEAD: ['UCAROL'] });
    expect(access.rolesOf('UCAROL')).toEqual([]);
  });

  it('when a group lookup fails, then it denies and the refusal says the group could not be read', async () => {
    const { access } = world({ S0SECLEAD: new Error('ratelimited'), S0LEGAL: ['UDAVE'] });
    await access.warm();
    expect(access.rolesOf('UCAROL')).toEqual([]);
    const denied = refusal(() => access.require('/incident close', 'UCAROL', { id: 'INC-1', commander: 'UALICE', member: true }));
    expect(denied.message).toBe('Only the commander (<@UALICE>) or a Warden admin (<@UADMIN01>, <!subteam^S0SECLEAD> (unreadable right now)) may close an incident.');
  });

  it('when members are trusted, then Slack is asked again only after the cache expires, and a failure then revokes', async () => {
    const { access, clock, lookups, groups } = world({ S0SECLEAD: ['UCAROL'], S0LEGAL: [] });
    await access.warm();
    await access.warm();
    expect(lookups).toEqual(['S0SECLEAD', 'S0LEGAL']);
    clock.advance(5 * MIN);
    groups.S0SECLEAD = new Error('fatal_error');
    await access.warm();
    expect(lookups).toHaveLength(4);
    expect(access.rolesOf('UCAROL')).toEqual([]);
  });

  it('when Slack says a group changed, then its members are read again at once', async () => {
    const { access, groups } = world({ S0SECLEAD: ['UCAROL'], S0LEGAL: [] });
    await access.warm();
    groups.S0SECLEAD = [];
    await access.groupChanged('S0SECLEAD');
    expect(access.rolesOf('UCAROL')).toEqual([]);
    await access.groupChanged('S0UNRELATED');
  });

  it('when someone approves what they asked for, then four eyes refuses it; someone else passes', () => {
    const { access } = world({});
    const denied = refusal(() => access.requireSecondPerson('notice:approve', 'UBOB', 'UBOB', 'INC-1', 'You drafted notice #1; another approver must approve it.'));
    expect(denied.facts).toEqual({ permission: 'notice:approve', userId: 'UBOB', incidentId: 'INC-1', needs: 'someone other than who asked for it' });
    expect(() => access.requireSecondPerson('notice:approve', 'UDAVE', 'UBOB', 'INC-1', 'x')).not.toThrow();
  });

  it('when the edge records a refusal, then its facts reach the audit port', () => {
    const { access, denials } = world({});
    const denied = refusal(() => access.require('/incident notnotifiable', 'UBOB'));
    access.recordDenial(denied.facts);
    expect(denials).toEqual([{ permission: '/incident notnotifiable', userId: 'UBOB', incidentId: null, needs: 'a Warden approver (<!subteam^S0LEGAL> (unreadable right now))' }]);
  });
});
