import { describe, expect, it } from 'vitest';
import { onDeclared } from '../../../../src/features/paging/app/follow-incident.js';
import type { PagingDeps } from '../../../../src/features/paging/app/deps.js';
import type { PagerDutyPort } from '../../../../src/features/paging/app/ports.js';

/** Paging deps whose store counts its incident reads (and finds none); only what onDeclared touches is real. */
function depsReading(pagerDuty: PagerDutyPort | null, routingKey: string | null) {
  const reads: string[] = [];
  const store = { incidents: { get: (id: string) => void reads.push(id) } };
  const paging = { services: { payments: { name: 'payments', routingKey, pageOn: ['sev1'] } } };
  return { deps: { store, pagerDuty, paging } as unknown as PagingDeps, reads };
}

const somePagerDuty = {} as PagerDutyPort;

describe('paging on declare', () => {
  it('when PagerDuty is not configured, then a declare reads no incident', () => {
    const { deps, reads } = depsReading(null, 'r0ut1ngkey');
    onDeclared(deps, { incidentId: 'INC-2026-0001', by: 'UALICE', flags: [] });
    expect(reads).toEqual([]);
  });

  it('when no service has a routing key, then a declare reads no incident', () => {
    const { deps, reads } = depsReading(somePagerDuty, null);
    onDeclared(deps, { incidentId: 'INC-2026-0001', by: 'UALICE', flags: [] });
    expect(reads).toEqual([]);
  });

  it('when PagerDuty can page a service, then the declared incident is read (and a missing one is an error)', () => {
    const { deps, reads } = depsReading(somePagerDuty, 'r0ut1ngkey');
    expect(() => onDeclared(deps, { incidentId: 'INC-2026-0001', by: 'UALICE', flags: [] })).toThrow(/No incident INC-2026-0001/);
    expect(reads).toEqual(['INC-2026-0001']);
  });
});
