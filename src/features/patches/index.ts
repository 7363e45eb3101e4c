/** Patch SLAs: findings with an owner and a due time from their severity, risk acceptances, scanner imports. */
import type { Db } from '../../platform/db/db.js';
import type { PatchDigest } from './domain/patch-digest.js';
import { patchDigestRead } from './store/patch-digest-read.js';

export { patchSlaSection } from './config/sections.js';
export { DEFAULT_SCANNER_SEVERITIES, PATCH_SEVERITIES, type PatchSeverity } from './domain/patch-severity.js';
export { patchesFeature, type PatchesOptions, type PatchPolicy } from './slack/patches-feature.js';
export { migrations } from './store/migrations.js';
export { runPatchCli } from './cli/patch-cli.js';
export type { KevCatalog, KevEntry, ScanFormat, ScannedFinding, ScanReport } from './domain/scan-report.js';
export type { PatchDigest } from './domain/patch-digest.js';

/** The managers' digest's read of patch SLAs (indexed queries only; see store/patch-digest-read.ts). */
export function patchDigestOf(db: Db): (now: Date, limit: number) => PatchDigest {
  return patchDigestRead(db);
}
export { detectScanFormat, parseScanReport } from './domain/import/parse-scan-report.js';
export { parseKevCatalog } from './domain/import/kev-catalog.js';
