/** The post-incident review draft (`/incident pir draft`): gather the facts, render the template, share the file. */
export type { ActionItemView, ActionItemsPort, ReviewFacts, ReviewInfo } from './facts.js';
export { gatherReviewFacts, type ReviewSources } from './gather.js';
export { reviewSourcesOf, type ReviewSourceSettings } from './sources.js';
export { compileReviewTemplate, renderReview, type ReviewTemplate } from './render.js';
export { loadReviewTemplate, REVIEW_TEMPLATE_PATH } from './template-file.js';
export { postReviewDraft, type DraftSlack, type PostDraftInput, type PostedDraft } from './post-draft.js';
