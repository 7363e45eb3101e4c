// Property-based checks of the deadline engine over the shipped catalog: whatever the instants and the entity,
// a due instant is never before its anchor, a business-day count never ends on a non-working day, and a later
// event never gives an earlier deadline.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDateOf } from '../../src/features/notifications/domain/deadlines/clock-math.js';
import { computeDeadlines } from '../../src/features/notifications/domain/deadlines/compute-deadlines.js';
import type { Entity } from '../../src/features/notifications/domain/deadlines/entity.js';
import type { Regime } from '../../src/features/notifications/domain/deadlines/regime.js';
import type { DeadlineInput } from '../../src/features/notifications/domain/deadlines/stage-deadline.js';
import { loadRegimeCatalog } from '../../src/features/notifications/files/load-regimes.js';
import { CLOCK_EVENTS, type ClockEvent } from '../../src/features/incidents/domain/incident-model.js';
import { isWorkingDay } from '../../src/platform/calendar/business-calendar.js';
import { repoPath } from '../support/repo-path.js';

const loaded = loadRegimeCatalog([repoPath('regimes')]);
if (!loaded.ok) throw new Error('the shipped catalog must load');
const regimes = [...loaded.catalog.regimes.values()];

const ENTITIES: (Entity | null)[] = [
  null,
  { name: 'Bank', type: 'credit_institution', country: 'DE', zone: 'Europe/Berlin', doraReliefExcluded: false },
  { name: 'Pay', type: 'payment_institution', country: 'BE', zone: 'Europe/Brussels', doraReliefExcluded: false },
  { name: 'Oy', type: 'payment_institution', country: 'FI', zone: 'Europe/Helsinki', doraReliefExcluded: true },
  { name: 'Inc', type: 'other', country: 'US', zone: 'America/Los_Angeles', doraReliefExcluded: false },
];

const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 11, 31) }).map((ms) => new Date(ms));
const eventsArb = fc.dictionary(fc.constantFrom(...CLOCK_EVENTS), instant, { maxKeys: CLOCK_EVENTS.length }) as fc.Arbitrary<Partial<Record<ClockEvent, Date>>>;
const caseArb = fc.record({ regime: fc.constantFrom(...regimes), entity: fc.constantFrom(...ENTITIES), events: eventsArb });
const NOW = new Date(Date.UTC(2031, 0, 1));

/** Every stage whose chained anchors are submitted at its anchor's time, so chained stages are computed too. */
function withSubmissions(regime: Regime, events: Partial<Record<ClockEvent, Date>>, entity: Entity | null): DeadlineInput {
  const submissions: Record<string, Date> = {};
  const first = computeDeadlines(regime, { events }, NOW, { entity });
  for (const s of first) if (s.due) submissions[s.stageId] = s.due;
  return { events, submissions: Object.fromEntries(Object.entries(submissions).filter(([id]) => regime.stages.some((st) => st.anchor.kind === 'stage_submitted' && st.anchor.stageId === id))) };
}

describe('deadline invariants (fast-check, shipped regimes, random instants and entities)', () => {
  it('a due instant is never before the instant it runs from', () => {
    fc.assert(
      fc.property(caseArb, ({ regime, entity, events }) => {
        for (const s of computeDeadlines(regime, withSubmissions(regime, events, entity), NOW, { entity })) {
          if (s.due && s.anchorAt) expect(s.due.getTime(), `${regime.id}:${s.stageId}`).toBeGreaterThanOrEqual(Math.min(s.anchorAt.getTime(), s.backstopDue?.getTime() ?? Infinity));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a business-day count ends on a working day of the calendar it counted in', () => {
    const business = regimes.filter((r) => r.stages.some((s) => s.clock === 'business_days'));
    fc.assert(
      fc.property(fc.constantFrom(...business), fc.constantFrom(...ENTITIES), instant, (regime, entity, at) => {
        const events = Object.fromEntries(CLOCK_EVENTS.map((e) => [e, at])) as Record<ClockEvent, Date>;
        for (const s of computeDeadlines(regime, { events }, NOW, { entity })) {
          if (s.clock !== 'business_days' || !s.due || s.backstopDue) continue;
          expect(isWorkingDay(localDateOf(s.due, s.zone), s.holidays), `${regime.id}:${s.stageId} due ${s.due.toISOString()} in ${s.zone}/${s.holidays}`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('moving every event later never moves a deadline earlier', () => {
    const later = fc.integer({ min: 1, max: 400 * 24 * 3600_000 });
    fc.assert(
      fc.property(caseArb, later, ({ regime, entity, events }, delta) => {
        const shifted = Object.fromEntries(Object.entries(events).map(([k, d]) => [k, new Date(d.getTime() + delta)])) as Partial<Record<ClockEvent, Date>>;
        const before = computeDeadlines(regime, { events }, NOW, { entity });
        const after = computeDeadlines(regime, { events: shifted }, NOW, { entity });
        for (const [i, s] of before.entries()) {
          const t = after[i]!;
          if (s.due && t.due) expect(t.due.getTime(), `${regime.id}:${s.stageId}`).toBeGreaterThanOrEqual(s.due.getTime());
        }
      }),
      { numRuns: 300 },
    );
  });
});
