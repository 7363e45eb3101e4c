/**
 * What an evidence pack is made of: the review facts the reviews feature already gathers (incident, severity
 * and role history, timeline, each stage's outcome, notices, playbook, action items), plus what only an
 * auditor needs: who recorded each clock event, who applied each regime, the review record as stored and the
 * incident's audit entries. Plain data; instants are UTC Dates.
 */
import type { AuditEntry } from '../../audit/index.js';
import type { Incident } from '../../incidents/index.js';
import type { AppliedRegime, ClockEventRecord, StageDecision } from '../../notifications/index.js';
import type { Review, ReviewFacts } from '../../reviews/index.js';

/** A file of the pack: its path inside the pack directory (`/`-separated) and its UTF-8 text. */
export interface PackFile {
  path: string;
  content: string;
}

/** Files the audit feature adds under `audit/` (the checkpoint proof); the seam the lead fills. */
export type AuditProof = (incidentId: string) => PackFile[];

export interface EvidenceFacts {
  /** When the pack was made; every margin of a running deadline is measured to it. */
  generatedAt: Date;
  wardenVersion: string;
  /** The company's IANA zone: summary.md shows each instant in UTC and in it. */
  timeZone: string;
  /** The record as stored, for what the review facts leave out (flags, current roles, channel). */
  incident: Incident;
  facts: ReviewFacts;
  clockEvents: ClockEventRecord[];
  appliedRegimes: AppliedRegime[];
  decisions: StageDecision[];
  review: Review | null;
  audit: AuditEntry[];
}
