/**
 * The incident's fixed vocabularies (statuses, flags, clock events) and nothing else: a second, light entry point
 * for other features' pure code. `index.ts` brings the whole feature (Slack, store, config); a command such as
 * `warden deadlines` that only needs the words should not pay for loading it.
 */
export * from './domain/incident-model.js';
