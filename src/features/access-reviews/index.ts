/** Access reviews and the other recurring controls: owners, cadences, evidence, late recorded as late. */
export { accessReviewSection, cadenceField, controlsSection } from './config/sections.js';
export { CADENCES, CONTROL_KINDS, type Cadence, type ControlKind } from './domain/cadence.js';
export { accessReviewsFeature, type AccessReviewsOptions, type ControlDefinition } from './slack/access-reviews-feature.js';
export { migrations } from './store/migrations.js';
export type { ControlDigest } from './domain/control-digest.js';
