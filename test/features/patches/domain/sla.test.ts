import { describe, expect, it } from 'vitest';
import { closedWithinSla, dueOf, earliestKev, endOfLocalDate, slaDue } from '../../../../src/features/patches/domain/sla.js';
import { acceptanceRefusal, decisionRefusal, type Acceptance } from '../../../../src/features/patches/domain/acceptance.js';
import { identityKey, isAccepted, isOverdue } from '../../../../src/features/patches/domain/finding.js';
import { parseDiscovered } from '../../../../src/features/patches/domain/discovery.js';

const DAY = 86_400_000;
const PARIS = 'Europe/Paris';
const TABLE = { slaMs: { critical: 7 * DAY, high: 30 * DAY, medium: 60 * DAY, low: 90 * DAY }, zone: PARIS };

describe('slaDue: whole days count to the end of the company-zone day', () => {
  it('when a critical is discovered Tuesday 10:00 Paris, then it is due the next Tuesday at 23:59:59.999 Paris', () => {
    expect(slaDue(new Date('2026-11-17T09:00:00Z'), 7 * DAY, PARIS).toISOString()).toBe('2026-11-24T22:59:59.999Z');
  });
  it('when discovered at 00:30 local, the local day counts (not the UTC one)', () => {
    expect(slaDue(new Date('2026-11-16T23:30:00Z'), DAY, PARIS).toISOString()).toBe('2026-11-18T22:59:59.999Z');
  });
  it('when the window crosses the autumn DST change, then it still ends at local midnight', () => {
    expect(slaDue(new Date('2026-10-20T08:00:00Z'), 7 * DAY, PARIS).toISOString()).toBe('2026-10-27T22:59:59.999Z');
  });
  it('when discovered 00:30 on the night of the DST change, the calendar count wins over 7×24 h', () => {
    // 2026-10-25 00:30 CEST; 7×24 h later is 2026-10-31 23:30 CET, but the day count gives 2026-11-01.
    expect(slaDue(new Date('2026-10-24T22:30:00Z'), 7 * DAY, PARIS).toISOString()).toBe('2026-11-01T22:59:59.999Z');
  });
  it('when the SLA has a part of a day, then it is elapsed time to the millisecond', () => {
    expect(slaDue(new Date('2026-11-17T09:00:00Z'), 12 * 3_600_000, PARIS).toISOString()).toBe('2026-11-17T21:00:00.000Z');
  });
  it('reads a KEV date as the end of that day in the zone', () => {
    expect(endOfLocalDate('2026-07-01', PARIS).toISOString()).toBe('2026-07-01T21:59:59.999Z');
  });
});

describe('dueOf: severity and the KEV catalog', () => {
  const discoveredAt = new Date('2026-11-17T09:00:00Z');
  it('without a KEV entry, the severity SLA from discovery', () => {
    expect(dueOf({ severity: 'high', discoveredAt, kev: null }, TABLE)).toEqual({ dueAt: new Date('2026-12-17T22:59:59.999Z'), basis: { kind: 'sla' } });
  });
  it('a low finding in the KEV catalog with a far date gets the critical SLA', () => {
    expect(dueOf({ severity: 'low', discoveredAt, kev: { cve: 'CVE-1', dueDate: '2027-06-01' } }, TABLE)).toEqual({ dueAt: new Date('2026-11-24T22:59:59.999Z'), basis: { kind: 'kev-critical', cve: 'CVE-1' } });
  });
  it("a KEV date earlier than the critical SLA wins and says it is CISA's date", () => {
    expect(dueOf({ severity: 'medium', discoveredAt, kev: { cve: 'CVE-2', dueDate: '2026-11-20' } }, TABLE)).toEqual({ dueAt: new Date('2026-11-20T22:59:59.999Z'), basis: { kind: 'kev-date', cve: 'CVE-2', kevDue: '2026-11-20' } });
  });
  it('a critical already on the critical SLA stays on its own basis (a tie)', () => {
    expect(dueOf({ severity: 'critical', discoveredAt, kev: { cve: 'CVE-3', dueDate: '2027-01-01' } }, TABLE).basis).toEqual({ kind: 'sla' });
  });
  it('a severity change recomputes from discovery, not from the change', () => {
    const later = dueOf({ severity: 'critical', discoveredAt, kev: null }, TABLE);
    expect(later.dueAt.toISOString()).toBe('2026-11-24T22:59:59.999Z');
  });
  it('earliestKev picks the earliest due date among the CVEs, case-folded', () => {
    const dates: Record<string, string> = { 'CVE-A': '2026-12-10', 'CVE-B': '2026-12-01' };
    expect(earliestKev(['cve-a', 'CVE-B', 'CVE-C'], (c) => (dates[c] ? { dueDate: dates[c] } : null))).toEqual({ cve: 'CVE-B', dueDate: '2026-12-01' });
    expect(earliestKev([], () => null)).toBeNull();
  });
  it('closed at the due instant is within the SLA; a millisecond later is not', () => {
    const due = new Date('2026-11-24T22:59:59.999Z');
    expect(closedWithinSla(due, due)).toBe(true);
    expect(closedWithinSla(new Date(due.getTime() + 1), due)).toBe(false);
  });
});

describe('findings: identity, acceptance pause, overdue', () => {
  const now = new Date('2026-11-20T10:00:00Z');
  it('the identity is advisory + package + asset, case-folded', () => {
    expect(identityKey('cve-2026-1', 'OpenSSL', 'Web-1')).toBe(identityKey('CVE-2026-1', 'openssl', 'web-1'));
    expect(identityKey('CVE-2026-1', 'openssl', 'web-1')).not.toBe(identityKey('CVE-2026-1', 'openssl', 'web-2'));
  });
  it('an accepted finding is not overdue until its acceptance ends; then it is, if its due time passed', () => {
    const f = { status: 'open' as const, dueAt: new Date('2026-11-19T00:00:00Z'), acceptedUntil: new Date('2026-11-25T00:00:00Z') };
    expect(isAccepted(f, now)).toBe(true);
    expect(isOverdue(f, now)).toBe(false);
    expect(isOverdue(f, new Date('2026-11-25T00:00:00Z'))).toBe(true);
    expect(isOverdue({ ...f, status: 'done' }, new Date('2026-11-26T00:00:00Z'))).toBe(false);
  });
  it('acceptance requests: in the future, at most a year, with a reason', () => {
    expect(acceptanceRefusal(new Date('2026-11-20T09:00:00Z'), 'x', now)).toMatch(/future/);
    expect(acceptanceRefusal(new Date('2028-01-01T00:00:00Z'), 'x', now)).toMatch(/at most a year/);
    expect(acceptanceRefusal(new Date('2026-12-20T00:00:00Z'), '  ', now)).toMatch(/reason is empty/);
    expect(acceptanceRefusal(new Date('2026-12-20T00:00:00Z'), 'compensating WAF rule', now)).toBeNull();
  });
  it('a decision is taken once, on a pending acceptance that has not ended', () => {
    const a: Acceptance = { id: 1, findingId: 'F', requestedBy: 'U1', requestedAt: now, until: new Date('2026-12-01T00:00:00Z'), reason: 'r', status: 'pending', decidedBy: null, decidedAt: null };
    expect(decisionRefusal(a, now)).toBeNull();
    expect(decisionRefusal({ ...a, status: 'approved' }, now)).toMatch(/already approved/);
    expect(decisionRefusal(a, new Date('2026-12-02T00:00:00Z'))).toMatch(/already have ended/);
  });
});

describe('parseDiscovered', () => {
  const now = new Date('2026-11-20T10:00:00Z');
  it('no date: now; a date: the start of that day in the zone', () => {
    expect(parseDiscovered(null, now, PARIS)).toEqual({ ok: true, at: now });
    expect(parseDiscovered('2026-11-02', now, PARIS)).toEqual({ ok: true, at: new Date('2026-11-01T23:00:00Z') });
    expect(parseDiscovered('2026-11-20', now, PARIS)).toEqual({ ok: true, at: new Date('2026-11-19T23:00:00Z') });
  });
  it('refuses a future, an impossible or an unreadable date', () => {
    expect(parseDiscovered('2026-11-21', now, PARIS)).toMatchObject({ ok: false, reason: expect.stringMatching(/in the future/) });
    expect(parseDiscovered('2026-02-30', now, PARIS)).toMatchObject({ ok: false, reason: expect.stringMatching(/not a calendar date/) });
    expect(parseDiscovered('yesterday', now, PARIS)).toMatchObject({ ok: false, reason: expect.stringMatching(/not a discovery date/) });
  });
});
