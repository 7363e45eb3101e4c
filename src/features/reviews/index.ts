/** Post-incident reviews: scheduled on resolve, reminded, required to close, and drafted from the record. */
import type { Db } from '../../platform/db/db.js';
import { reviewRepo } from './store/review-repo.js';
import type { Review } from './domain/review.js';

export { reviewsSection } from './config/sections.js';
export { reviewsFeature, type ReviewsOptions } from './slack/reviews-feature.js';
export type { ReviewPolicy } from './domain/review-policy.js';
export { migrations } from './store/migrations.js';
export { loadReviewTemplate } from './draft/index.js';
// The gathered facts of one incident, for the evidence pack (which writes them out instead of a draft).
export { gatherReviewFacts, reviewSourcesOf, type ReviewFacts, type ReviewInfo, type ReviewSources, type ReviewSourceSettings } from './draft/index.js';
export type { NoticeFacts, RoleTenure, SeverityPeriod, StageFacts, StepFacts, TimelineLine } from './draft/facts.js';
export { formatDuration, formatTime, inlineText, quotedText } from './draft/format.js';
export type { Review } from './domain/review.js';

/** The review of an incident as stored (status, owner, due, decision and link), null when none was scheduled. Reads only. */
export function reviewOf(db: Db): (incidentId: string) => Review | null {
  const reviews = reviewRepo(db);
  return (incidentId) => reviews.get(incidentId);
}

/** The reviews past their due time (most overdue first, at most `limit`: owner, incident, due) and their count. */
export function overdueReviewsOf(db: Db): (now: Date, limit: number) => { items: { incidentId: string; owner: string; dueAt: Date }[]; total: number } {
  const reviews = reviewRepo(db);
  return (now, limit) => {
    const { reviews: list, total } = reviews.overdue(now, limit);
    return { items: list.map((r) => ({ incidentId: r.incidentId, owner: r.owner, dueAt: r.dueAt })), total };
  };
}
