/**
 * The checklist as the Slack builders render it: the visible steps grouped by phase, each with its
 * status, owner, assignee, due time and whether it is overdue, plus progress counts. Pure: `now` is a parameter.
 */
import type { ClockEvent, IncidentRole } from '../../incidents/index.js';
import { stepDueAt } from './due.js';
import { PHASE_NAMES, PHASES, type EvidenceLevel, type IncidentFacts, type Phase, type Playbook, type StepStatus } from './model.js';
import { visibleSteps } from './select.js';
import { stepStateOf, type StepStates } from './step-state.js';

/** What the checklist needs to know about the incident. `Incident` plus its clock events satisfies it. */
export interface ChecklistIncident extends IncidentFacts {
  readonly id: string;
  readonly declaredAt: Date;
  readonly clockEvents?: Readonly<Partial<Record<ClockEvent, Date>>>;
  /** Who holds each role, so an unassigned step shows the person its owner role points at. */
  readonly roles?: Readonly<Partial<Record<IncidentRole, string>>>;
}

export interface ChecklistStep {
  readonly id: string;
  readonly title: string;
  readonly guidance: string;
  readonly ownerRole: IncidentRole;
  /** The assigned person, else the holder of the owner role, else null. */
  readonly assignee: string | null;
  /** True when `assignee` was set on the step rather than taken from the role. */
  readonly assigned: boolean;
  readonly dueAt: Date | null;
  readonly overdue: boolean;
  readonly status: StepStatus;
  readonly evidenceLevel: EvidenceLevel;
  /** Who closed it and when (done or skipped). */
  readonly by: string | null;
  readonly at: Date | null;
  readonly evidence: string | null;
  readonly reason: string | null;
}

export interface ChecklistPhase {
  readonly phase: Phase;
  readonly name: string;
  readonly steps: readonly ChecklistStep[];
}

export interface ChecklistProgress {
  readonly total: number;
  readonly done: number;
  readonly skipped: number;
  readonly open: number;
  readonly overdue: number;
}

export interface ChecklistModel {
  readonly incidentId: string;
  readonly playbookId: string;
  readonly playbookName: string;
  /** Only phases with at least one visible step, in NIST order. */
  readonly phases: readonly ChecklistPhase[];
  readonly progress: ChecklistProgress;
}

/** Builds the checklist of the steps that apply to the incident, as of `now`. */
export function checklistModel(playbook: Playbook, incident: ChecklistIncident, states: StepStates, now: Date): ChecklistModel {
  const stepDoneAt: Record<string, Date> = {};
  for (const s of Object.values(states)) if (s.status === 'done' && s.at) stepDoneAt[s.stepId] = s.at;
  const ctx = { declaredAt: incident.declaredAt, stepDoneAt, clockEvents: incident.clockEvents ?? {} };

  const steps = visibleSteps(playbook, incident).map((step) => {
    const state = stepStateOf(states, step.id);
    const dueAt = stepDueAt(step, ctx);
    const model: ChecklistStep = {
      id: step.id,
      title: step.title,
      guidance: step.guidance,
      ownerRole: step.owner,
      assignee: state.assignee ?? incident.roles?.[step.owner] ?? null,
      assigned: state.assignee !== null,
      dueAt,
      overdue: state.status === 'open' && dueAt !== null && dueAt.getTime() < now.getTime(),
      status: state.status,
      evidenceLevel: step.evidence,
      by: state.by,
      at: state.at,
      evidence: state.evidence,
      reason: state.reason,
    };
    return { phase: step.phase, model };
  });

  const phases = PHASES.map((phase) => ({
    phase,
    name: PHASE_NAMES[phase],
    steps: steps.filter((s) => s.phase === phase).map((s) => s.model),
  })).filter((p) => p.steps.length > 0);

  const all = steps.map((s) => s.model);
  const count = (status: StepStatus) => all.filter((s) => s.status === status).length;
  return {
    incidentId: incident.id,
    playbookId: playbook.id,
    playbookName: playbook.name,
    phases,
    progress: { total: all.length, done: count('done'), skipped: count('skipped'), open: count('open'), overdue: all.filter((s) => s.overdue).length },
  };
}
