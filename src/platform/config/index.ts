// The configuration module: warden.yaml (loadConfig) and the environment (loadEnv). See docs/configuration.md.
export { checkEnv, loadEnv, LOG_LEVELS, requireSlackCredentials, secretValues } from './env.js';
export type { EnvCheck, LogLevel, SlackCredentials, WardenEnv } from './env.js';
export { SECRET_VARS } from './env-secrets.js';
export { ACCESS_REVIEW_CADENCES } from './defaults.js';
export type { AccessReviewCadence } from './defaults.js';
export { isTimeZone } from './fields.js';
export { checkConfigText, DEFAULT_CONFIG_PATH, defaultConfig, loadConfig, parseConfig } from './load-config.js';
export type { LoadedConfig, ReadTextFile } from './load-config.js';
export { ALL_IN_FORCE, parseLeadTime } from './schema-notifications.js';
export type { LeadTime } from './schema-notifications.js';
export { vocabularyOf } from './schema-sections.js';
export type { RoleDuty, SeverityPolicy } from './schema-sections.js';
export { wardenConfigSchema } from './schema.js';
export type { WardenConfig, WardenConfigInput } from './schema.js';
