/** Maps a validated regime file (snake_case YAML) onto the domain model (camelCase, nulls not undefined). */
import type { Cutoff, Regime, Stage, WeekendRule } from '../domain/deadlines/regime.js';
import type { RawRegime } from './regime-schema.js';

type RawStage = RawRegime['stages'][number];

function toStage(s: RawStage): Stage {
  const b = s.not_later_than;
  return {
    id: s.id,
    recipient: s.recipient,
    anchor: s.anchor,
    offset: s.offset,
    clock: s.clock,
    notLaterThan: b
      ? { anchor: b.anchor, offset: b.offset, clock: b.clock, ifLapsed: b.if_lapsed, note: b.note ?? null, lapseVerification: b.lapse_verification ?? null }
      : null,
    internalTarget: s.internal_target ?? null,
    hardDeadline: s.hard_deadline,
    condition: s.condition ?? null,
    text: s.text ?? null,
    notes: s.notes ?? null,
    verification: s.verification ?? null,
    weekendRuleApplies: s.weekend_rule_applies,
    cutoff: s.cutoff ? toCutoff(s.cutoff, s.cutoff_note) : null,
  };
}

function toCutoff(text: string, note: string | undefined): Cutoff {
  const [hour, minute] = text.split(':').map(Number) as [number, number];
  return { hour, minute, text, note: note ?? null };
}

function toWeekendRule(w: RawRegime['weekend_rule']): WeekendRule | null {
  if (!w) return null;
  return {
    kind: w.kind,
    description: w.description,
    verification: w.verification,
    excludedEntityTypes: w.excluded_entity_types,
    excludedStages: w.excluded_stages,
    exclusionCitation: w.exclusion_citation ?? null,
  };
}

export function toRegime(r: RawRegime): Regime {
  return {
    id: r.id,
    name: r.name,
    referenceId: r.reference_id ?? null,
    jurisdiction: r.jurisdiction,
    status: r.status,
    statusNote: r.status_note ?? null,
    enabledByDefault: r.enabled_by_default,
    whoNotifies: r.who_notifies,
    trigger: r.trigger,
    stages: r.stages.map(toStage),
    weekendRule: toWeekendRule(r.weekend_rule),
    citation: r.citation,
    sources: r.sources,
    verification: r.verification,
    notes: r.notes ?? null,
    openQuestions: r.open_questions,
  };
}
