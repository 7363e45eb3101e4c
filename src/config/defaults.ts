/**
 * The texts and cadences Warden uses when warden.yaml says nothing. They are input values (durations as
 * text), parsed by the same schema as the file, so a default can never be something the file could not say.
 */

export const DEFAULT_PATCH_SLA = { critical: '7d', high: '30d', medium: '60d', low: '90d' };

/** How often access reviews recur (`sla.accessReview.every`). */
export const ACCESS_REVIEW_CADENCES = ['weekly', 'monthly', 'quarterly', 'yearly'] as const;
export type AccessReviewCadence = (typeof ACCESS_REVIEW_CADENCES)[number];
