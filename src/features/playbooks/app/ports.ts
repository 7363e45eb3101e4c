import type { IncidentFlag } from '../../incidents/index.js';
import type { ChecklistMessageRow, NagRecord, PlaybookAttachment } from '../domain/attachment.js';
import type { StepState, StepStates } from '../domain/step-state.js';

/**
 * Playbook state beside the incident core, as the playbook use cases read and write it (store/playbook-repo.ts
 * implements it over SQLite). Writes run inside `store.transaction`, with the core's timeline, audit and jobs.
 */
export interface PlaybookRecords {
  attachment(incidentId: string): PlaybookAttachment | null;
  /** Attaches a playbook, or switches to another one (a new generation of checklist messages). */
  attach(incidentId: string, playbookId: string, by: string, at: Date, flags: readonly IncidentFlag[]): void;
  setFlagsSeen(incidentId: string, flags: readonly IncidentFlag[]): void;
  states(incidentId: string, playbookId: string): StepStates;
  nagRecord(incidentId: string, playbookId: string, stepId: string): NagRecord;
  /** Writes a step's new state if the step is still open; false when someone closed it first. */
  saveState(incidentId: string, playbookId: string, s: StepState): boolean;
  recordNag(incidentId: string, playbookId: string, stepId: string, at: Date): void;
  snooze(incidentId: string, playbookId: string, stepId: string, until: Date): void;
  /** Every checklist message of the incident, all generations, in order. */
  messages(incidentId: string): ChecklistMessageRow[];
  saveMessage(m: ChecklistMessageRow): void;
  removeMessage(incidentId: string, generation: number, part: number): void;
}
