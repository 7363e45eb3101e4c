import type { ClockEvent } from '../../incidents/index.js';
import type { NewNotice, Notice, NoticeStatus } from '../domain/notices/notice.js';
import type { AppliedRegime, BoardPart, ClockEventRecord, StageDecision, StageSubmission } from '../domain/records.js';

/**
 * The clock state of incidents, as the clock use cases read and write it (store/clock-repo.ts implements it over
 * SQLite): events, applied regimes, decisions, submissions and the board's messages. Callers hold the transaction.
 */
export interface ClockRecords {
  events(incidentId: string): ClockEventRecord[];
  event(incidentId: string, event: ClockEvent): ClockEventRecord | null;
  setEvent(incidentId: string, e: ClockEventRecord): void;
  regimes(incidentId: string): AppliedRegime[];
  /** False when the regime was already applied. */
  applyRegime(incidentId: string, regimeId: string, by: string, at: Date): boolean;
  removeRegime(incidentId: string, regimeId: string): boolean;
  /** The entity chosen for the incident (a name of company.entities), null when none was. */
  entityOf(incidentId: string): string | null;
  chooseEntity(incidentId: string, name: string, by: string, at: Date): void;
  decisions(incidentId: string): StageDecision[];
  addDecision(incidentId: string, d: StageDecision): void;
  submissions(incidentId: string): StageSubmission[];
  addSubmission(incidentId: string, s: StageSubmission): void;
  boardParts(incidentId: string): BoardPart[];
  saveBoardPart(incidentId: string, p: BoardPart): void;
  removeBoardPart(incidentId: string, part: number): void;
}

/** Notice drafts and their four-eyes approval (store/notice-repo.ts implements it). */
export interface NoticeRecords {
  add(n: NewNotice): number;
  get(id: number): Notice | null;
  forIncident(incidentId: string): Notice[];
  /** The most recently approved draft for a stage, if any. */
  latestApproved(incidentId: string, regimeId: string, stageId: string): Notice | null;
  /** Moves a pending notice to `status`; false when it was no longer pending (a double click). */
  decide(id: number, status: Exclude<NoticeStatus, 'pending'>, by: string, at: Date): boolean;
  setMessageTs(id: number, ts: string): void;
}
