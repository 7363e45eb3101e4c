import { describe, expect, it } from 'vitest';
import { decide, NEEDS, type Need, type Subject } from '../../../../src/features/access/index.js';

const holders = { admins: ['<@UADMIN01>'], approvers: ['<@ULEGAL01>', '<!subteam^S0LEGAL>'], managers: ['<@UMANAG01>'], approversConfigured: true };
const noApprovers = { ...holders, approvers: [], approversConfigured: false };
const who = (userId: string, ...roles: string[]): Subject => ({ userId, roles: new Set(roles) });
const incident = (commander: string, member = true) => ({ id: 'INC-2026-0001', commander, member });

// Every (need × kind of person) pair, with approvers configured: the whole table of the rule.
const PEOPLE = {
  nobody: who('UBOB'),
  commander: who('UALICE'),
  approver: who('ULEGAL01', 'approver'),
  manager: who('UMANAG01', 'manager'),
  admin: who('UADMIN01', 'admin'),
};
const EXPECTED: Record<Need, Record<keyof typeof PEOPLE, boolean>> = {
  anyone: { nobody: true, commander: true, approver: true, manager: true, admin: true },
  member: { nobody: true, commander: true, approver: true, manager: true, admin: true },
  commander: { nobody: false, commander: true, approver: false, manager: false, admin: true },
  approver: { nobody: false, commander: false, approver: true, manager: false, admin: false },
  manager: { nobody: false, commander: false, approver: false, manager: true, admin: true },
  admin: { nobody: false, commander: false, approver: false, manager: false, admin: true },
};

describe('decide', () => {
  it.each(NEEDS.flatMap((need) => (Object.keys(PEOPLE) as (keyof typeof PEOPLE)[]).map((p) => [need, p] as const)))('%s by %s in their incident channel', (need, person) => {
    const verdict = decide(need, PEOPLE[person], holders, incident('UALICE'));
    expect(verdict.allowed).toBe(EXPECTED[need][person]);
  });

  it('when someone is not a member of the channel, then member acts are refused, except for an admin', () => {
    expect(decide('member', who('UBOB'), holders, incident('UALICE', false))).toEqual({ allowed: false, needs: "a member of INC-2026-0001's channel" });
    expect(decide('member', who('UADMIN01', 'admin'), holders, incident('UALICE', false)).allowed).toBe(true);
  });

  it('when a manager act is refused, then the refusal names the managers and the admins', () => {
    expect(decide('manager', who('UBOB'), holders)).toEqual({ allowed: false, needs: 'a Warden manager (<@UMANAG01>) or an admin (<@UADMIN01>)' });
  });

  it('when a commander act is refused, then the refusal names the commander and the admins', () => {
    expect(decide('commander', who('UBOB'), holders, incident('UALICE'))).toEqual({ allowed: false, needs: 'the commander (<@UALICE>) or a Warden admin (<@UADMIN01>)' });
    expect(decide('commander', who('UBOB'), { ...holders, admins: [] }, incident('UALICE'))).toEqual({ allowed: false, needs: 'the commander (<@UALICE>) or a Warden admin (none is configured)' });
  });

  it('when no approver is configured, then approvals fall to admins, never to the commander, and the refusal says why', () => {
    expect(decide('approver', who('UADMIN01', 'admin'), noApprovers, incident('UALICE')).allowed).toBe(true);
    const refused = decide('approver', who('UALICE'), noApprovers, incident('UALICE'));
    expect(refused).toMatchObject({ allowed: false, needs: 'a Warden admin (<@UADMIN01>)', why: expect.stringContaining('never to the commander') });
  });

  it('when approvers are configured, then an admin who is not one may not approve', () => {
    expect(decide('approver', who('UADMIN01', 'admin'), holders)).toEqual({ allowed: false, needs: 'a Warden approver (<@ULEGAL01>, <!subteam^S0LEGAL>)' });
  });

  it('when an act on an incident is decided with no incident, then only Warden roles can grant it', () => {
    expect(decide('commander', who('UALICE'), holders).allowed).toBe(false);
    expect(decide('commander', who('UADMIN01', 'admin'), holders).allowed).toBe(true);
  });
});
