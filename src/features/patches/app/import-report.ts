import { createHash } from 'node:crypto';
import { WardenError } from '../../../platform/errors.js';
import { planImport, type KnownFinding } from '../domain/import-plan.js';
import type { KevCatalog, ScanReport } from '../domain/scan-report.js';
import { newFinding, storeFinding } from './add-finding.js';
import { applyKev } from './change-finding.js';
import { audit, type PatchCore } from './deps.js';

export interface ImportOptions {
  /** Who owns the new findings (required: a finding without an owner is nagging nobody). */
  owner: string | null;
  /** Overrides the report's scanned targets. */
  asset: string | null;
  by: string;
}

export interface ImportResult {
  format: string;
  tool: string;
  newIds: string[];
  known: number;
  gone: KnownFinding[];
}

/** A short stable id from the identity (`P-` and 8 hex digits, longer in the rare case those are taken). */
function derivedId(deps: PatchCore, key: string): string {
  const hash = createHash('sha256').update(key).digest('hex').toUpperCase();
  for (let len = 8; len <= 64; len += 4) {
    const id = `P-${hash.slice(0, len)}`;
    if (!deps.patches.get(id)) return id;
  }
  throw new WardenError('conflict', 'Could not give the finding an id.');
}

/**
 * Imports a parsed scanner report in one transaction: new findings (discovered now, due from their mapped
 * severity and the KEV catalog), known ones left as they are (their discovery date kept), and the open ones of
 * the same assets this format no longer reports listed as candidates to close, never closed. A refusal anywhere
 * leaves nothing stored.
 * @throws WardenError('bad_input') for a missing owner, a finding without an asset, an unmapped severity word.
 */
export function importReport(deps: PatchCore, report: ScanReport, opts: ImportOptions): ImportResult {
  if (!opts.owner) throw new WardenError('bad_input', 'An imported finding needs an owner: pass --owner @person (or a Slack user id U…). Nothing was imported.');
  const owner = opts.owner;
  return deps.store.transaction(() => {
    const now = deps.clock.now();
    const lookup = (key: string): KnownFinding | null => {
      const f = deps.patches.byIdentity(key);
      return f ? { id: f.id, key, asset: f.asset, source: f.source, status: f.status } : null;
    };
    const plan = planImport(report, opts.asset, deps.patchPolicy.scannerSeverities, lookup, (assets) => deps.patches.openOfAssets(assets));
    const newIds = plan.fresh.map((p) => {
      const f = newFinding(deps, { id: derivedId(deps, p.key), advisory: p.advisory, package: p.package, asset: p.asset, cves: p.cves, severity: p.severity, owner, description: p.description, source: report.format, discoveredAt: now }, opts.by, now);
      return storeFinding(deps, f, now).id;
    });
    const result = { format: report.format, tool: report.tool, newIds, known: plan.known.length, gone: plan.gone };
    audit(deps, opts.by, now, 'patch.imported', { format: report.format, tool: report.tool, owner, asset: opts.asset, new: newIds, known: plan.known.length, gone: plan.gone.map((g) => g.id) });
    return result;
  });
}

/** `N new, N known, N gone`: the one line an import prints. */
export const importLine = (r: ImportResult): string => `${r.newIds.length} new, ${r.known} known, ${r.gone.length} gone`;

/**
 * Loads CISA's KEV catalog (entries added or updated, never removed: CISA does not remove entries) and moves the
 * due time of every open finding whose CVE it lists, in one transaction. Returns how many entries and findings.
 */
export function importKev(deps: PatchCore, catalog: KevCatalog, by: string): { entries: number; moved: string[] } {
  return deps.store.transaction(() => {
    const now = deps.clock.now();
    for (const e of catalog.entries) deps.patches.putKev(e);
    const moved = deps.patches
      .openWithCves().filter((f) => applyKev(deps, f, now)).map((f) => f.id);
    audit(deps, by, now, 'patch.kev_imported', { catalogVersion: catalog.catalogVersion, dateReleased: catalog.dateReleased, entries: catalog.entries.length, moved });
    return { entries: catalog.entries.length, moved };
  });
}
