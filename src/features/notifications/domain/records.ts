import type { ClockEvent } from '../../incidents/index.js';

/** A recorded clock event: when it happened, who recorded it and when. */
export interface ClockEventRecord {
  event: ClockEvent;
  at: Date;
  recordedBy: string;
  recordedAt: Date;
}

export interface AppliedRegime {
  regimeId: string;
  appliedBy: string;
  appliedAt: Date;
}

/** A documented "this stage does not apply" decision. */
export interface StageDecision {
  regimeId: string;
  stageId: string;
  reason: string;
  decidedBy: string;
  decidedAt: Date;
}

/** What was sent for a stage: when, the authority's reference, and the approved text if there was one. */
export interface StageSubmission {
  regimeId: string;
  stageId: string;
  submittedAt: Date;
  recordedBy: string;
  reference: string;
  noticeId: number | null;
  finalText: string | null;
  draftedBy: string | null;
  approvedBy: string | null;
}

export interface BoardPart {
  part: number;
  channelId: string;
  ts: string;
}
