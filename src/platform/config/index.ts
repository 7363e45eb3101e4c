// The environment (loadEnv, secrets as NAME_FILE) and the field helpers warden.yaml's sections are built from.
// warden.yaml's own schema is composed above the features, in src/config.
export { checkEnv, loadEnv, LOG_LEVELS, pemText, requireSlackCredentials, secretValues } from './env.js';
export type { EnvCheck, LogLevel, SlackCredentials, SlackWorkspace, WardenEnv } from './env.js';
export { SECRET_VARS } from './env-secrets.js';
export { isTimeZone } from './fields.js';
