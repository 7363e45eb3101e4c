/**
 * Whose calendar a regime's clocks run on for one entity: the entity's Member State and zone for EU law,
 * New York's and the entity's reading of an event's date for US federal day counts, the regime's own
 * otherwise. Never a silent default: a stand-in calendar or a refused relief comes with a warning.
 */
import { addPeriod, type TimedClockKind } from './clock-math.js';
import type { Entity } from './entity.js';
import type { IsoDuration } from './iso-duration.js';
import type { Regime } from './regime.js';

export interface RegimeContext {
  readonly regime: Regime;
  readonly entity: Entity | null;
  /** Zone and public holidays the counts and the weekend rule use. */
  readonly zone: string;
  readonly holidays: string;
  /** Zones that read an event's date for day counts (the earliest resulting due instant wins). */
  readonly readingZones: readonly string[];
  readonly warnings: readonly string[];
}

export function regimeContext(regime: Regime, entity: Entity | null): RegimeContext {
  const j = regime.jurisdiction;
  const base = { regime, entity, zone: j.zone, holidays: j.holidays, readingZones: [j.zone] };
  const warnings: string[] = [];
  if (regime.weekendRule && !entity) {
    const law = regime.weekendRule.exclusionCitation ? ` (${regime.weekendRule.exclusionCitation})` : '';
    warnings.push(`no entity given: weekend and holiday relief is not applied, because who gets it depends on the entity's type and Member State${law}; configure company.entities`);
  }
  if (j.calendar === 'member_state') {
    if (entity) return { ...base, zone: entity.zone, holidays: entity.country, warnings };
    warnings.push(`no Member State given: ${regime.id} uses ${j.zone} and ${j.holidays} public holidays as a stand-in; configure company.entities with the entity's country and zone`);
  }
  if (j.calendar === 'us_federal' && entity && entity.zone !== j.zone) {
    return { ...base, readingZones: [entity.zone, j.zone], warnings };
  }
  return { ...base, warnings };
}

export interface PeriodEnd {
  readonly at: Date;
  /** The zone whose reading of the anchor's date produced `at`; null for elapsed-hours clocks. */
  readonly readIn: string | null;
  readonly readingNote: string | null;
}

/** A period added in the context: day counts read the anchor's date in each reading zone; the earliest end wins. */
export function addPeriodIn(ctx: RegimeContext, anchorAt: Date, offset: IsoDuration, clock: TimedClockKind): PeriodEnd {
  if (clock === 'calendar_hours') return { at: addPeriod(anchorAt, offset, clock, ctx), readIn: null, readingNote: null };
  const ends = ctx.readingZones.map((zone) => ({ zone, at: addPeriod(anchorAt, offset, clock, { zone, holidays: ctx.holidays }) }));
  const first = ends.reduce((a, b) => (b.at.getTime() < a.at.getTime() ? b : a));
  return { at: first.at, readIn: first.zone, readingNote: readingNote(ctx, first.zone, ends) };
}

function readingNote(ctx: RegimeContext, zone: string, ends: readonly { zone: string; at: Date }[]): string {
  const whose = ctx.entity && zone === ctx.entity.zone ? `the entity's zone (${ctx.entity.name})` : ctx.entity ? "the regime's zone" : "the regime's zone (no entity given)";
  if (ends.length < 2) return `event's date read in ${zone}, ${whose}`;
  const other = ends.find((e) => e.zone !== zone);
  const same = ends.every((e) => e.at.getTime() === ends[0]?.at.getTime());
  if (same) return `event's date read in ${zone}, ${whose}; ${other?.zone ?? ''} reads the same day`;
  return `event's date read in ${zone}, ${whose}: earlier than the reading in ${other?.zone ?? ''}`;
}
