import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../../../src/features/notifications/domain/deadlines/entity.js';
import { regimeContext } from '../../../../../src/features/notifications/domain/deadlines/regime-context.js';
import { applyRelief } from '../../../../../src/features/notifications/domain/deadlines/weekend-relief.js';
import { at, shippedRegime } from './shipped-regimes.js';

const dora = shippedRegime('dora');
const stage = (id: string) => {
  const s = dora.stages.find((x) => x.id === id);
  if (!s) throw new Error(`no stage ${id}`);
  return s;
};
const an = (over: Partial<Entity> = {}): Entity => ({ name: 'E', type: 'payment_institution', country: 'BE', zone: 'Europe/Brussels', doraReliefExcluded: false, ...over });
const SATURDAY = at('2025-03-08T12:00:00Z');

describe('DORA weekend relief', () => {
  it('when the due instant is on a working day, then relief is not needed', () => {
    expect(applyRelief(regimeContext(dora, an()), stage('initial_notification'), at('2025-03-07T12:00:00Z')).rule.relief).toBe('not_needed');
  });

  it.each(['credit_institution', 'central_counterparty', 'trading_venue', 'nis2_essential', 'nis2_important'] as const)(
    'when a %s reports on a Saturday, then the initial notification and intermediate report get none, the final report does',
    (type) => {
      const ctx = regimeContext(dora, an({ type }));
      expect(applyRelief(ctx, stage('initial_notification'), SATURDAY)).toMatchObject({ at: SATURDAY, rule: { relief: 'refused' } });
      expect(applyRelief(ctx, stage('intermediate_report'), SATURDAY).rule.relief).toBe('refused');
      expect(applyRelief(ctx, stage('final_report'), SATURDAY)).toMatchObject({ at: at('2025-03-10T11:00:00Z'), rule: { relief: 'applied' } });
    },
  );

  it.each(['payment_institution', 'investment_firm', 'insurance_undertaking', 'other'] as const)('when a %s reports on a Saturday, then it has until Monday noon', (type) => {
    expect(applyRelief(regimeContext(dora, an({ type })), stage('initial_notification'), SATURDAY).at.toISOString()).toBe('2025-03-10T11:00:00.000Z');
  });

  it('when the competent authority excluded the entity, then no stage gets relief', () => {
    const ctx = regimeContext(dora, an({ doraReliefExcluded: true }));
    for (const id of ['initial_notification', 'intermediate_report', 'final_report']) expect(applyRelief(ctx, stage(id), SATURDAY).rule.relief).toBe('refused');
  });

  it("when the entity is in another Member State, then that state's holidays and zone count (21 July: Belgium only)", () => {
    const nationalDay = at('2025-07-21T09:00:00Z');
    expect(applyRelief(regimeContext(dora, an()), stage('intermediate_report'), nationalDay).at.toISOString()).toBe('2025-07-22T10:00:00.000Z');
    expect(applyRelief(regimeContext(dora, an({ country: 'DE', zone: 'Europe/Berlin' })), stage('intermediate_report'), nationalDay).rule.relief).toBe('not_needed');
  });

  it('when no entity is given, then relief is refused and the context warns about it and the stand-in calendar', () => {
    const ctx = regimeContext(dora, null);
    expect(applyRelief(ctx, stage('initial_notification'), SATURDAY).rule).toMatchObject({ relief: 'refused', reliefReason: expect.stringContaining('no entity given') });
    expect(ctx.warnings).toHaveLength(2);
    expect(ctx).toMatchObject({ zone: 'Europe/Brussels', holidays: 'BE' });
  });
});

describe('regime context', () => {
  it('when a US federal regime has an entity outside New York, then both zones read the event date', () => {
    expect(regimeContext(shippedRegime('hipaa'), an({ country: 'US', zone: 'America/Chicago' })).readingZones).toEqual(['America/Chicago', 'America/New_York']);
    expect(regimeContext(shippedRegime('hipaa'), null).readingZones).toEqual(['America/New_York']);
  });

  it('when a fixed-calendar regime has an entity, then its own calendar stays and nothing is warned', () => {
    expect(regimeContext(shippedRegime('us-co'), an())).toMatchObject({ zone: 'America/Denver', holidays: 'US-CO', warnings: [] });
  });
});
