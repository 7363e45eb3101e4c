/**
 * The incident core, as other features and the composition root see it: the feature itself, its store and
 * use-case ports, the domain vocabulary, and the helpers other features build on.
 */
export { incidentsFeature, type IncidentsOptions } from './slack/incidents-module.js';
export { migrations } from './store/migrations.js';
export { createStore, type Store } from './store/store.js';
export { openSeverityReadsOf, type OpenSeverityReads } from './store/severity-reads.js';
export { lastTimelineId, timelineDigestsInWorker } from './store/timeline-digests-in-worker.js';
export type { Actor, AppDeps, IncidentPolicy } from './app/deps.js';
export type { AuditTrail, IncidentRecords, IncidentStore, TimelineRecords } from './app/ports.js';
export { incidentInChannel, recordChange, requireIncident, type ChangeRecord } from './app/record.js';
export { setFlags } from './app/set-flags.js';
export { homeIncidents, openIncidentsPage, type HomeIncidents, type OpenPage } from './app/visible-incidents.js';
export { declareIncident } from './app/declare-incident.js';
export { changeStatus } from './app/change-status.js';
export { enqueueHomeRefresh, enqueuePost } from './app/outbox.js';
export { accessView as accessViewOf } from './app/access-view.js';
export * from './domain/incident-model.js';
export { commanderOf, type Incident, type TimelineEntry, type TimelineKind } from './domain/incident.js';
export { isActive, refuseIfClosed, TRANSITIONS } from './domain/lifecycle.js';
export { visibleTo, visibilityOf, VISIBILITIES, type MembershipCheck, type Visibility } from './domain/visibility.js';
export * from './domain/vocabulary.js';
export type { SlackMessage } from './slack/blocks/incident-card.js';
export { incidentsSection } from './config/incidents-section.js';
export { rolesSection, severitiesSection, vocabularyOf, type RoleDuty, type SeverityPolicy } from './config/sections.js';
export { declareModal, type DeclarePrefill } from './slack/blocks/declare-modal.js';
export type { DeclareOrigin } from './domain/events.js';
