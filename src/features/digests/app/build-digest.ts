export type { DigestSources } from '../domain/digest-sources.js';
import type { DigestSection } from '../domain/digest-sections.js';
import { TOP_N, type DigestPart, type Marks } from '../domain/digest-part.js';
import { backupSection } from '../domain/sections/backup-section.js';
import { controlSection } from '../domain/sections/control-section.js';
import { deadlineSection } from '../domain/sections/deadline-section.js';
import { incidentSection, summarize } from '../domain/sections/incident-section.js';
import type { DigestSources, OpenIncidentsRead } from '../domain/digest-sources.js';
import { metricsSection, monthOf } from '../domain/sections/metrics-section.js';
import { actionSection, reviewSection } from '../domain/sections/overdue-section.js';
import { patchSection } from '../domain/sections/patch-section.js';

/** The digest's sections, in the configured order, built at `now`; the month of the metrics is the digest zone's. */
export function buildDigest(src: DigestSources, sections: readonly DigestSection[], now: Date, timeZone: string, m: Marks): DigestPart[] {
  // The open incidents are read once and shared by the sections that need them.
  let open: OpenIncidentsRead | null = null;
  const openIncidents = () => (open ??= openRead(src));
  const build: Record<DigestSection, () => DigestPart> = {
    incidents: () => incidentSection(openIncidents(), src.severities, m),
    deadlines: () => deadlineSection(src.liveDeadlines(openIncidents().clocked, now), now, m),
    reviews: () => reviewSection(src.overdueReviews(now, TOP_N), now, m),
    actions: () => actionSection(src.overdueActions(now, TOP_N), now, m),
    patches: () => patchSection(src.patches?.(now, TOP_N) ?? null, now, m),
    'access-reviews': () => controlSection(src.controls?.(now, TOP_N) ?? null, now, m),
    backups: () => backupSection(src.backups?.(now) ?? null, m),
    metrics: () => {
      const month = monthOf(now, timeZone);
      return metricsSection(src.responseTimes(month.start, now), month);
    },
  };
  return sections.map((s) => build[s]());
}

/** The sources' open incidents as one read; a plain list is summarised, and any of its incidents may have deadlines. */
function openRead(src: DigestSources): OpenIncidentsRead {
  const open = src.openIncidents(TOP_N);
  // Drills are left out of the deadlines' figures as of the counts.
  return 'top' in open ? open : { ...summarize(open, src.severities), clocked: open.filter((i) => !i.drill).map((i) => i.id) };
}
