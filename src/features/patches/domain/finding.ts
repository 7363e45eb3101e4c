/** A finding to patch: one advisory on one package of one asset, with an owner and a due time from its severity. */
import type { PatchSeverity } from './patch-severity.js';
import type { DueBasis } from './sla.js';

export const FINDING_STATUSES = ['open', 'done'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export interface Finding {
  /** As typed for `/patch add`, or derived from the identity for an import (`P-…`). Compared without case. */
  id: string;
  advisory: string;
  /** The affected package; '' for a finding added by hand or a code-scanning rule without one. */
  package: string;
  asset: string;
  cves: readonly string[];
  severity: PatchSeverity;
  owner: string;
  description: string;
  /** The scanner format that first reported it; null when added by hand. */
  source: string | null;
  discoveredAt: Date;
  dueAt: Date;
  dueBasis: DueBasis;
  status: FindingStatus;
  evidence: string | null;
  doneBy: string | null;
  doneAt: Date | null;
  closedWithinSla: boolean | null;
  /** Reminders pause until then: an approved risk acceptance. */
  acceptedUntil: Date | null;
  planSince: Date;
  nextReminder: number;
  escalatedAt: Date | null;
  createdBy: string;
  createdAt: Date;
}

export type FindingPatch = Partial<Pick<Finding, 'severity' | 'owner' | 'dueAt' | 'dueBasis' | 'status' | 'evidence' | 'doneBy' | 'doneAt' | 'closedWithinSla' | 'acceptedUntil' | 'planSince' | 'nextReminder' | 'escalatedAt'>>;

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const CVE = /^CVE-\d{4}-\d{4,}$/i;
export const DESCRIPTION_MAX = 300;
export const EVIDENCE_MAX = 1000;
export const ASSET_MAX = 200;

/** Why a typed id cannot be a finding's, or null. */
export function idRefusal(id: string): string | null {
  return ID.test(id) ? null : `\`${id.slice(0, 40)}\` is not a finding id: letters, digits and . _ : - (at most 64), e.g. CVE-2026-1234 or SEC-12.`;
}

export const isCve = (word: string): boolean => CVE.test(word);

/** The identity a re-import recognises: advisory + package + asset, case-folded. */
export const identityKey = (advisory: string, pkg: string, asset: string): string => [advisory.toUpperCase(), pkg.toLowerCase(), asset.toLowerCase()].join('\u0000');

/** True while an approved acceptance pauses the finding's reminders. */
export const isAccepted = (f: Pick<Finding, 'acceptedUntil'>, now: Date): boolean => f.acceptedUntil !== null && f.acceptedUntil.getTime() > now.getTime();

export const isOverdue = (f: Pick<Finding, 'status' | 'dueAt' | 'acceptedUntil'>, now: Date): boolean => f.status === 'open' && !isAccepted(f, now) && f.dueAt.getTime() <= now.getTime();

/** Why the text cannot be recorded, or null. */
export function lengthRefusal(what: string, text: string, max: number): string | null {
  return text.length > max ? `The ${what} is ${text.length} characters; keep it to ${max} (link a document for more).` : null;
}
