/** A recurring control (an access review of a system, a secrets rotation, a drill ...) and its periods. */
import type { ControlKind, Every, Period } from './cadence.js';

export const CONTROL_TYPES = ['access-review', 'control'] as const;
export type ControlType = (typeof CONTROL_TYPES)[number];

/** A control as stored: from warden.yaml (`source: config`, refreshed at each start) or `/access-review add`. */
export interface Control {
  id: string;
  name: string;
  type: ControlType;
  kind: ControlKind;
  /** Who is nagged: a stored `/access-review owner` wins over the configured owner; null: unowned, nobody is nagged. */
  owner: string | null;
  every: Every;
  evidence: string | null;
  source: 'config' | 'added';
  /** When Warden first saw it: a day cadence counts its first period from here. */
  since: Date;
  /** False for a configured control no longer in warden.yaml: kept for its record, no longer opened. */
  active: boolean;
}

/** A control as warden.yaml configures it (src/config/feature-settings.ts builds these). */
export type ControlDefinition = Omit<Control, 'source' | 'since' | 'active'>;

export interface ControlPeriod extends Period {
  controlId: string;
  status: 'open' | 'done';
  doneBy: string | null;
  doneAt: Date | null;
  evidence: string | null;
  late: boolean;
  /** The follow-up plan counts from here (the period's start, or when it was opened if later). */
  planSince: Date;
  nextReminder: number;
  escalatedAt: Date | null;
}

export type PeriodPatch = Partial<Pick<ControlPeriod, 'status' | 'doneBy' | 'doneAt' | 'evidence' | 'late' | 'nextReminder' | 'escalatedAt'>>;

export const EVIDENCE_MAX = 1000;
const SYSTEM = /^[a-z0-9][a-z0-9._-]{0,62}$/;

/** Why the word cannot name a system, or null when it can. */
export function systemRefusal(word: string): string | null {
  return SYSTEM.test(word) ? null : 'A system name is lower-case letters, digits, `.`, `_` or `-` (at most 63), like `production` or `billing-db`.';
}

/** Why the evidence cannot be recorded, or null when it can. */
export function evidenceRefusal(evidence: string): string | null {
  if (!evidence.trim()) return 'Say what the evidence is: a link or a ticket, or what was checked.';
  return evidence.length > EVIDENCE_MAX ? `The evidence is ${evidence.length} characters; keep it to ${EVIDENCE_MAX} (link a document for more).` : null;
}
