import type { Migration } from '../../../platform/db/db.js';

/** This feature's numbered SQL migrations (008 is reserved for action items). */
export const migrations: readonly Migration[] = [];
