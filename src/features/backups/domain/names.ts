/** How backup files and replaced databases are named: a compact UTC stamp that sorts as it reads. */

/** `20261202T054500Z` for 2026-12-02T05:45:00.123Z. */
export const utcStamp = (at: Date): string => at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');

/** A scheduled backup's file name in the backups directory. */
export const scheduledFileName = (at: Date): string => `warden-${utcStamp(at)}.db`;
