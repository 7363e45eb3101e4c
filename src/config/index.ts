// warden.yaml: its schema, composed from the features' sections, and its loader. See docs/configuration.md.
export { checkConfigText, DEFAULT_CONFIG_PATH, defaultConfig, loadConfig, parseConfig } from './load-config.js';
export type { LoadedConfig, ReadTextFile } from './load-config.js';
export { ALL_IN_FORCE, parseLeadTime, type LeadTime } from '../features/notifications/index.js';
export { vocabularyOf, type RoleDuty, type SeverityPolicy } from '../features/incidents/index.js';
export { wardenConfigSchema } from './schema.js';
export type { WardenConfig, WardenConfigInput } from './schema.js';
export { clockSettingsFrom, followUpPolicyFrom, loadClockCatalog, loadRegimes, clockCatalogOf, nagSettingsFrom, pagingPolicyFrom, reviewPolicyFrom, workingCalendarOf, patchPolicyFrom, controlsFrom, digestSchedulesFrom, backupSettingsFrom } from './feature-settings.js';
