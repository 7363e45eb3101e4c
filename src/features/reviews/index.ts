/** Post-incident reviews: scheduled on resolve, reminded, required to close, and drafted from the record. */
export { reviewsSection } from './config/sections.js';
export { reviewsFeature, type ReviewsOptions } from './slack/reviews-feature.js';
export type { ReviewPolicy } from './domain/review-policy.js';
export { migrations } from './store/migrations.js';
export { loadReviewTemplate } from './draft/index.js';
