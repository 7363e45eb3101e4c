import { sqlMigrationsIn } from '../../../platform/db/db.js';

/** This feature's numbered SQL migrations, shipped beside this file. */
export const migrations = sqlMigrationsIn(new URL('./migrations/', import.meta.url));
