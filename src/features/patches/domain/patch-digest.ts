import type { PatchSeverity } from './patch-severity.js';

/** What the managers' digest shows of patch SLAs at one instant (`patchDigestOf(db)(now, limit)`). */
export interface PatchDigest {
  openBySeverity: Readonly<Record<PatchSeverity, number>>;
  /** The overdue findings, most overdue first, at most `limit`; `overdueTotal` counts them all. */
  overdue: readonly { id: string; severity: PatchSeverity; owner: string; asset: string; dueAt: Date }[];
  overdueTotal: number;
  /** Findings closed in the last 30 and 90 days, and how many of those within their SLA. */
  closedWithinSla: { days30: { closed: number; withinSla: number }; days90: { closed: number; withinSla: number } };
}
