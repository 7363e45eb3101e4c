/**
 * The vocabulary of playbooks: phases, evidence levels, step statuses and the parsed playbook shape.
 * Each const array is the one source of its allowed values (the zod schema uses `z.enum` on them).
 */
import type { ClockEvent, IncidentFlag, IncidentRole, IncidentType, Severity } from '../../incidents/index.js';

/** The incident-handling phases of NIST SP 800-61r2 (section 3), in the order a response walks them. */
export const PHASES = ['detection_analysis', 'containment', 'eradication_recovery', 'post_incident'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_NAMES: Readonly<Record<Phase, string>> = {
  detection_analysis: 'Detection & analysis',
  containment: 'Containment',
  eradication_recovery: 'Eradication & recovery',
  post_incident: 'Post-incident activity',
};

/** Whether ticking a step off asks for a link or a note proving it was done. */
export const EVIDENCE_LEVELS = ['required', 'optional', 'none'] as const;
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];

export const STEP_STATUSES = ['open', 'done', 'skipped'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** What a step's due time counts from: the declaration, another step's completion, or a legal clock event. */
export type DueAnchor =
  | { readonly kind: 'declared' }
  | { readonly kind: 'step'; readonly stepId: string }
  | { readonly kind: 'clock'; readonly event: ClockEvent };

export interface DueRule {
  /** The duration as written, e.g. `4h`. */
  readonly after: string;
  readonly afterMs: number;
  readonly from: DueAnchor;
}

/** A step shows only when every listed test holds; an omitted list does not constrain. */
export interface StepCondition {
  readonly flagsAll: readonly IncidentFlag[];
  readonly flagsAny: readonly IncidentFlag[];
  readonly flagsNone: readonly IncidentFlag[];
  /** null = any severity. */
  readonly severities: readonly Severity[] | null;
}

export interface PlaybookStep {
  readonly id: string;
  readonly phase: Phase;
  readonly title: string;
  /** Markdown: a first paragraph that says what to do, then detail and links to runbooks or templates. */
  readonly guidance: string;
  readonly owner: IncidentRole;
  readonly due: DueRule | null;
  readonly when: StepCondition | null;
  readonly evidence: EvidenceLevel;
}

export interface AppliesTo {
  readonly types: readonly IncidentType[];
  /** Empty = any severity. */
  readonly severities: readonly Severity[];
  /** Flags that must all be on. */
  readonly flags: readonly IncidentFlag[];
}

export interface Playbook {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly appliesTo: AppliesTo;
  readonly priority: number;
  /**
   * A fallback runs only when no other playbook applies (the general security-incident playbook): it never
   * competes with a specific one, whatever its priority, and gives way when new facts make one apply.
   */
  readonly fallback: boolean;
  /** Every step, in phase order and, within a phase, in file order. */
  readonly steps: readonly PlaybookStep[];
}

/** The facts about an incident that choose a playbook and the steps that show. `Incident` satisfies it. */
export interface IncidentFacts {
  readonly type: IncidentType;
  readonly severity: Severity;
  readonly flags: readonly IncidentFlag[];
}
