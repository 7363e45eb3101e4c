/**
 * Which regimes an incident's flags suggest. Deliberately conservative: a suggestion needs flags that make
 * the regime plausible on their own, and a person (the comms lead, with legal) confirms each one. Regimes
 * that hinge on facts the flags cannot carry (materiality aside, ransom payments, state residency,
 * thresholds, critical-infrastructure status) are never suggested, only chosen.
 */
import type { IncidentFlag } from '../../../incidents/index.js';

export interface RegimeSuggestionRule {
  readonly regimeId: string;
  /** All of these flags must be set. */
  readonly whenAll: readonly IncidentFlag[];
  readonly why: string;
}

export const REGIME_SUGGESTION_RULES: readonly RegimeSuggestionRule[] = [
  { regimeId: 'gdpr', whenAll: ['personal_data', 'eu_subjects'], why: 'personal data of people in the EU/EEA may be affected' },
  { regimeId: 'hipaa', whenAll: ['phi'], why: 'protected health information may be affected' },
  { regimeId: 'sec-8k', whenAll: ['public_company'], why: 'a public company must assess materiality (Item 1.05)' },
  { regimeId: 'dora', whenAll: ['financial_entity'], why: 'an EU financial entity must classify ICT incidents under DORA' },
];

/** Ids of the regimes suggested by `flags`, in rule order. Only suggestions: a person confirms them. */
export function suggestRegimes(flags: readonly IncidentFlag[]): string[] {
  return REGIME_SUGGESTION_RULES.filter((r) => r.whenAll.every((f) => flags.includes(f))).map((r) => r.regimeId);
}
