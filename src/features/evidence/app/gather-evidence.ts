import { gatherReviewFacts, type ReviewInfo } from '../../reviews/index.js';
import { WardenError } from '../../../platform/errors.js';
import type { EvidenceFacts } from '../domain/evidence-facts.js';
import type { EvidenceSources } from './evidence-sources.js';

export interface EvidenceContext {
  now: Date;
  wardenVersion: string;
  timeZone: string;
}

/**
 * The facts of the pack of `incidentId` as of `now`: the review facts gathered as the review draft gathers
 * them, plus clock-event recorders, regime appliers, stage decisions, the review record and the audit entries.
 * @throws WardenError('not_found') for an unknown incident.
 */
export function gatherEvidence(sources: EvidenceSources, incidentId: string, ctx: EvidenceContext): EvidenceFacts {
  const incident = sources.incident(incidentId);
  if (!incident) throw new WardenError('not_found', `No incident ${incidentId}.`);
  const review = sources.review(incident.id);
  const legal = sources.legal(incident.id, ctx.now);
  const info: ReviewInfo | null = review ? { owner: review.owner, dueAt: review.dueAt, status: review.status, meetingAt: review.meetingAt, drill: review.drill } : null;
  return {
    generatedAt: ctx.now,
    wardenVersion: ctx.wardenVersion,
    timeZone: ctx.timeZone,
    incident,
    facts: gatherReviewFacts(sources, incident.id, ctx.now, info),
    clockEvents: sources.clockEvents(incident.id),
    appliedRegimes: legal.regimes.map((r) => ({ regimeId: r.entry.regime.id, appliedBy: r.appliedBy, appliedAt: r.appliedAt })),
    decisions: [...legal.decisions],
    review,
    audit: sources.auditEntries(incident.id),
  };
}
