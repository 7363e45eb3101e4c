/** Which playbook an incident gets, which of its steps show, and what a change of facts adds or removes. */
import type { IncidentFacts, Playbook, PlaybookStep, StepCondition } from './model.js';

/** Whether a playbook's `applies_to` holds: the type is listed, the severity is listed (or none are), every flag is on. */
export function playbookApplies(playbook: Playbook, incident: IncidentFacts): boolean {
  const { types, severities, flags } = playbook.appliesTo;
  return (
    types.includes(incident.type) &&
    (severities.length === 0 || severities.includes(incident.severity)) &&
    flags.every((f) => incident.flags.includes(f))
  );
}

/**
 * The playbook for an incident, or null when none applies. A fallback (`fallback: true`) is considered only
 * when no other playbook applies. Among those considered, the best is:
 * 1. the highest `priority`; then
 * 2. the most specific: more required flags, then fewer listed severities (a list beats "any"), then fewer types;
 * 3. ties broken by id, so the choice never depends on file order.
 */
export function selectPlaybook(playbooks: readonly Playbook[], incident: IncidentFacts): Playbook | null {
  const candidates = playbooks.filter((p) => playbookApplies(p, incident));
  const specific = candidates.filter((p) => !p.fallback);
  return [...(specific.length > 0 ? specific : candidates)].sort(compareForSelection)[0] ?? null;
}

function compareForSelection(a: Playbook, b: Playbook): number {
  const severityBreadth = (p: Playbook) => (p.appliesTo.severities.length === 0 ? Infinity : p.appliesTo.severities.length);
  return (
    b.priority - a.priority ||
    b.appliesTo.flags.length - a.appliesTo.flags.length ||
    compareNumbers(severityBreadth(a), severityBreadth(b)) ||
    a.appliesTo.types.length - b.appliesTo.types.length ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

const compareNumbers = (a: number, b: number): number => (a === b ? 0 : a < b ? -1 : 1);

/** Whether a step's `when` holds for the incident (a step without one always shows). */
export function conditionHolds(when: StepCondition | null, incident: IncidentFacts): boolean {
  if (!when) return true;
  const on = (f: (typeof incident.flags)[number]) => incident.flags.includes(f);
  return (
    when.flagsAll.every(on) &&
    (when.flagsAny.length === 0 || when.flagsAny.some(on)) &&
    !when.flagsNone.some(on) &&
    (when.severities === null || when.severities.includes(incident.severity))
  );
}

/** The steps that apply to this incident, in playbook order. */
export function visibleSteps(playbook: Playbook, incident: IncidentFacts): PlaybookStep[] {
  return playbook.steps.filter((s) => conditionHolds(s.when, incident));
}

/** Step ids that a change of flags (or severity) made appear and made leave, in playbook order. */
export interface FlagChangeEffect {
  appeared: string[];
  left: string[];
}

/**
 * What changes in the checklist when an incident's facts change, so the caller can post one announcement
 * ("2 steps added: ...; 1 step no longer applies: ...") instead of one per step.
 */
export function flagChangeEffect(playbook: Playbook, before: IncidentFacts, after: IncidentFacts): FlagChangeEffect {
  const was = new Set(visibleSteps(playbook, before).map((s) => s.id));
  const now = new Set(visibleSteps(playbook, after).map((s) => s.id));
  return {
    appeared: playbook.steps.filter((s) => now.has(s.id) && !was.has(s.id)).map((s) => s.id),
    left: playbook.steps.filter((s) => was.has(s.id) && !now.has(s.id)).map((s) => s.id),
  };
}
