import { formatUtc } from '../../domain/deadlines/format-instant.js';
import type { Incident } from '../../../incidents/index.js';
import type { NoticeContext } from '../../domain/notices/notice-context.js';
import { noticeDeadlines, noticeRegimes } from '../../domain/notices/notice-deadlines.js';
import type { ClockDeps } from '../clocks/clock-deps.js';
import { incidentDeadlines } from '../clocks/incident-deadlines.js';

/**
 * What a notice template sees of an incident at `now`: the incident, the company, the recorded clock events
 * (UTC, unambiguous for any recipient), the applied regimes and their deadlines. Facts nobody typed yet stay
 * empty, so they render as `[to complete: ...]` placeholders; the date of discovery is the recorded `discovered` event.
 */
export function noticeContextFor(deps: ClockDeps, incident: Incident, now: Date): NoticeContext {
  const applied = incidentDeadlines(deps, incident.id, now);
  const events = deps.clocks.events(incident.id);
  const discovered = events.find((e) => e.event === 'discovered');
  return {
    incident: {
      id: incident.id,
      title: incident.title,
      severity: incident.severity,
      status: incident.status,
      declaredAt: formatUtc(incident.declaredAt),
      summary: incident.description,
    },
    company: deps.clockPolicy.company,
    events: Object.fromEntries(events.map((e) => [e.event, formatUtc(e.at)])),
    regimes: noticeRegimes(applied.map((r) => r.entry.regime)),
    deadlines: noticeDeadlines(applied.flatMap((r) => r.stages)),
    // The recorded discovery is the date of discovery a notice gives (HIPAA 164.404(a)(2), (c)(1)(A)).
    facts: discovered ? { discoveryDate: formatUtc(discovered.at) } : {},
  };
}
