/**
 * What importing a scanner report would change, decided before anything is stored: each finding's Warden
 * severity and identity, which ones are new and which known, and which open ones of the same assets the report
 * no longer lists (candidates to close, never closed silently). Pure.
 */
import { WardenError } from '../../../platform/errors.js';
import { cutText } from '../../../platform/text.js';
import { PATCH_SEVERITIES, type PatchSeverity } from './patch-severity.js';
import { identityKey } from './finding.js';
import type { ScannedFinding, ScanReport } from './scan-report.js';

export interface PlannedFinding {
  key: string;
  advisory: string;
  package: string;
  asset: string;
  cves: string[];
  severity: PatchSeverity;
  description: string;
}

export interface KnownFinding {
  id: string;
  key: string;
  asset: string;
  source: string | null;
  status: 'open' | 'done';
}

export interface ImportPlan {
  fresh: PlannedFinding[];
  known: PlannedFinding[];
  /** Open findings first imported from this format for these assets that the report no longer lists. */
  gone: KnownFinding[];
}


const rank = (s: PatchSeverity) => PATCH_SEVERITIES.indexOf(s);

/** A scanner's word in Warden's terms. @throws WardenError('bad_input') naming the word and the config key that maps it. */
export function mapSeverity(word: string, table: Readonly<Record<string, PatchSeverity>>): PatchSeverity {
  const mapped = table[word.toLowerCase()];
  if (mapped) return mapped;
  throw new WardenError('bad_input', `The scanner severity \`${word}\` has no Warden severity: map it under sla.patch.scannerSeverities in warden.yaml (e.g. ${word.toLowerCase()}: medium). Nothing was imported.`);
}

function planned(f: ScannedFinding, asset: string, table: Readonly<Record<string, PatchSeverity>>): PlannedFinding {
  const pkg = f.package ?? '';
  const version = f.installedVersion ? ` ${f.installedVersion}` : '';
  const fix = f.fixedVersion ? ` (fixed in ${f.fixedVersion})` : '';
  const description = cutText(`${f.title}${pkg ? ` — ${pkg}${version}${fix}` : ''}${f.url ? ` ${f.url}` : ''}`, 300);
  const cves = [...new Set(f.cves.map((c) => c.toUpperCase()))];
  return { key: identityKey(f.advisory, pkg, asset), advisory: f.advisory, package: pkg, asset, cves, severity: mapSeverity(f.scannerSeverity, table), description };
}

/**
 * The plan of an import. `asset` (from `--asset`) overrides the report's targets. The same identity listed twice
 * in one report counts once, at its most severe.
 * @throws WardenError('bad_input') for a finding with no asset, or a severity word the table does not map.
 */
export function planImport(report: ScanReport, asset: string | null, table: Readonly<Record<string, PatchSeverity>>, lookup: (key: string) => KnownFinding | null, openOf: (assets: readonly string[]) => KnownFinding[]): ImportPlan {
  const byKey = new Map<string, PlannedFinding>();
  for (const f of report.findings) {
    const target = asset ?? f.asset;
    if (!target) throw new WardenError('bad_input', `The report names no scanned target for ${f.advisory}: say which asset it is with --asset NAME. Nothing was imported.`);
    const p = planned(f, target, table);
    const seen = byKey.get(p.key);
    if (!seen || rank(p.severity) < rank(seen.severity)) byKey.set(p.key, { ...p, cves: [...new Set([...(seen?.cves ?? []), ...p.cves])] });
  }
  const fresh: PlannedFinding[] = [];
  const known: PlannedFinding[] = [];
  for (const p of byKey.values()) (lookup(p.key) ? known : fresh).push(p);
  const assets = asset ? [asset] : [...new Set([...byKey.values()].map((p) => p.asset))];
  const gone = openOf(assets).filter((k) => k.status === 'open' && k.source === report.format && !byKey.has(k.key));
  return { fresh, known, gone };
}
