/** Legal clocks, regimes, notices and approvals: the feature, its catalog and templates, and its clock-event reader. */
export { clocksFeature, type ClockSettings } from './slack/clocks-module.js';
export { buildClockCatalog, type ClockCatalog } from './app/clocks/clock-catalog.js';
export { loadRegimeCatalog } from './files/load-regimes.js';
export { checkTemplates, listTemplates, loadTemplate } from './files/template-loader.js';
export { migrations } from './store/migrations.js';
export { clockEventsOf, clockEventRecordsOf, openClockedIncidentsOf } from './store/clock-repo.js';
export { parseClockTime } from './app/clocks/parse-clock-time.js';
export { ALL_IN_FORCE, companySection, notificationsSection, parseLeadTime, templatesSection, toEntity, type EntityConfig, type LeadTime } from './config/sections.js';
export { legalRecordOf } from './slack/legal-record-reader.js';
export type { LegalRecord } from './app/clocks/legal-record.js';
export type { RegimeDeadlines } from './app/clocks/incident-deadlines.js';
export type { StageDeadline } from './domain/deadlines/stage-deadline.js';
export type { AppliedRegime, ClockEventRecord, StageDecision, StageSubmission } from './domain/records.js';
export type { Notice } from './domain/notices/notice.js';
export type { Regime } from './domain/deadlines/regime.js';
