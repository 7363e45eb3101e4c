/**
 * What a post-incident review draft is made of: the recorded facts of one incident, gathered from the
 * other features (gather.ts) and rendered to Markdown (render.ts). Plain data; instants are UTC Dates.
 */
import type { ActionItemView } from '../../actions/index.js';
import type { Incident } from '../../incidents/index.js';

export type { ActionItemView };

/** The port for action items: the lead plugs `actionItemsOf(db)` from the actions feature in here. */
export type ActionItemsPort = (incidentId: string) => ActionItemView[];

/** The review itself, as the reviews feature schedules it; null when none is scheduled. */
export interface ReviewInfo {
  owner: string;
  dueAt: Date;
  status: string;
  meetingAt: Date | null;
  drill: boolean;
}

/** What the draft shows of the incident record itself. */
export const INCIDENT_FACT_KEYS = ['id', 'title', 'description', 'type', 'severity', 'status', 'drill', 'private', 'declaredBy', 'declaredAt', 'detectedAt', 'resolvedAt', 'closedAt'] as const;
export type IncidentFacts = Pick<Incident, (typeof INCIDENT_FACT_KEYS)[number]>;

/** One severity the incident had, from when to when (null: still has it). */
export interface SeverityPeriod {
  severity: string;
  from: Date;
  until: Date | null;
  /** Who set it (the declarer for the first one). */
  by: string;
}

/** One person holding one role, from when to when (null: still holds it). */
export interface RoleTenure {
  role: string;
  userId: string;
  from: Date;
  until: Date | null;
  by: string;
}

export interface TimelineLine {
  at: Date;
  kind: string;
  actor: string;
  /** As recorded: Slack mentions (`<@U1>`) are resolved to names when rendered. */
  text: string;
}

/**
 * How a legal or contractual stage ended (or stands): `met`/`missed` once submitted against a due instant
 * (`marginMs` is how much earlier or later), `overdue` when unsubmitted past due, `open` while running.
 */
export const STAGE_OUTCOMES = ['met', 'missed', 'overdue', 'open', 'submitted', 'waiting', 'not_notifiable', 'no_deadline'] as const;
export type StageOutcome = (typeof STAGE_OUTCOMES)[number];

export interface StageFacts {
  stageId: string;
  recipient: string;
  due: Date | null;
  /** `legal`, `internal` (a house target, not law) or `none`. */
  dueKind: string;
  outcome: StageOutcome;
  /** met: due - submitted; missed: submitted - due; overdue: now - due; open: due - now. Always >= 0. */
  marginMs: number | null;
  submittedAt: Date | null;
  waitingFor: string | null;
  notNotifiableReason: string | null;
}

export interface RegimeFacts {
  id: string;
  name: string;
  citation: string;
  /** `proposed` regimes are not law yet. */
  proposed: boolean;
  stages: StageFacts[];
}

/** A notice: what was drafted for a stage, its approval and, when submitted, when and with which reference. */
export interface NoticeFacts {
  /** The draft's number (`Notice #1`); null for a submission recorded without an approved draft. */
  noticeId: number | null;
  stage: string | null;
  template: string | null;
  draftedBy: string | null;
  draftedAt: Date | null;
  approvedBy: string | null;
  approvedAt: Date | null;
  /** The text as sent (a submission keeps the approved text), else the draft's; null when none was kept. */
  text: string | null;
  /** `pending`, `approved`, `changes_requested`, or `submitted`. */
  status: string;
  submittedAt: Date | null;
  submittedBy: string | null;
  reference: string | null;
}

export interface StepFacts {
  title: string;
  phase: string;
  status: 'done' | 'skipped' | 'open';
  /** Done or skipped by. */
  by: string | null;
  at: Date | null;
  evidence: string | null;
  reason: string | null;
  /** Who it is with while open. */
  assignee: string | null;
  dueAt: Date | null;
  overdue: boolean;
}

export interface PlaybookFacts {
  name: string;
  steps: StepFacts[];
}

/** Everything the review skeleton shows, gathered at `generatedAt`. */
export interface ReviewFacts {
  generatedAt: Date;
  incident: IncidentFacts;
  review: ReviewInfo | null;
  severityHistory: SeverityPeriod[];
  roles: RoleTenure[];
  timeline: TimelineLine[];
  regimes: RegimeFacts[];
  notices: NoticeFacts[];
  playbook: PlaybookFacts | null;
  actionItems: ActionItemView[];
}
