import type { ControlDigest } from '../../access-reviews/index.js';
import type { BackupFreshness } from '../../backups/index.js';
import type { PatchDigest } from '../../patches/index.js';
import type { LiveDeadline } from './sections/deadline-section.js';
import type { OpenIncident, OpenSummary } from './sections/incident-section.js';
import type { SeverityTimes } from './sections/metrics-section.js';
import type { OverdueList } from './sections/overdue-section.js';

/**
 * What a digest reads, each through another feature's read-only export. Every read is bounded by what is open,
 * due or shown (top N and a count), never by everything stored.
 */
/** The open incidents as a store reads them for a digest: the section's summary, and whose deadlines to read. */
export interface OpenIncidentsRead extends OpenSummary {
  /** The open incidents with a recorded clock event: the only ones a legal deadline can run for. */
  clocked: readonly string[];
}

export interface DigestSources {
  /** The configured severities, most severe first. */
  severities: readonly string[];
  /**
   * The open incidents: the summary read for the top `limit` (drills counted apart and left out of the rest;
   * private ones included, untitled), or simply every one (a small source, a test), summarised by the digest.
   */
  openIncidents(limit: number): OpenIncidentsRead | readonly OpenIncident[];
  /** Live legal stages (due, not submitted, not decided) of these open incidents. */
  liveDeadlines(incidentIds: readonly string[], now: Date): LiveDeadline[];
  overdueReviews(now: Date, limit: number): OverdueList;
  overdueActions(now: Date, limit: number): OverdueList;
  /** null until the patches feature provides its read model. */
  patches: ((now: Date, limit: number) => PatchDigest) | null;
  controls: ((now: Date, limit: number) => ControlDigest) | null;
  /** How fresh the last good backup is; null when the backups feature is not plugged in. */
  backups: ((now: Date) => BackupFreshness) | null;
  /** MTTA/MTTR by severity of the incidents declared in [since, until). */
  responseTimes(since: Date, until: Date): SeverityTimes[];
}

