/** Test builders for playbooks, steps, incidents and step states. */
import type { ChecklistIncident } from '../../../../src/features/playbooks/domain/checklist-model.js';
import type { IncidentFacts, Playbook, PlaybookStep } from '../../../../src/features/playbooks/domain/model.js';
import type { StepState } from '../../../../src/features/playbooks/domain/step-state.js';

export function aStep(overrides: Partial<PlaybookStep> & { id: string }): PlaybookStep {
  return {
    phase: 'detection_analysis',
    title: `Step ${overrides.id}`,
    guidance: `Do ${overrides.id}.`,
    owner: 'ops',
    due: null,
    when: null,
    evidence: 'none',
    ...overrides,
  };
}

export function aPlaybook(overrides: Partial<Playbook> = {}): Playbook {
  return {
    id: 'pb',
    name: 'Test playbook',
    description: 'For tests.',
    appliesTo: { types: ['security'], severities: [], flags: [] },
    priority: 0,
    fallback: false,
    steps: [aStep({ id: 'a' })],
    ...overrides,
  };
}

export function anIncident(overrides: Partial<IncidentFacts> = {}): IncidentFacts {
  return { type: 'security', severity: 'sev2', flags: [], ...overrides };
}

export function aChecklistIncident(overrides: Partial<ChecklistIncident> = {}): ChecklistIncident {
  return {
    id: 'INC-42',
    type: 'security',
    severity: 'sev2',
    flags: [],
    declaredAt: new Date('2025-03-01T10:00:00Z'),
    ...overrides,
  };
}

export function aDoneState(stepId: string, by: string, at: string, evidence: string | null = null): StepState {
  return { stepId, status: 'done', assignee: null, by, at: new Date(at), evidence, reason: null };
}
