import type { ScannedFinding } from '../scan-report.js';

const CVE = /CVE-\d{4}-\d{4,}/gi;

/** Every CVE id named in these texts, upper case, once each, in order of first mention. */
export function cveIdsIn(texts: readonly (string | null | undefined)[]): string[] {
  const found = texts.flatMap((t) => (t ? [...t.matchAll(CVE)].map((m) => m[0].toUpperCase()) : []));
  return [...new Set(found)];
}

/** The advisory a finding is filed under: its CVE when it names exactly one, else the tool's own id. */
export const advisoryOf = (cves: readonly string[], toolId: string): string => (cves.length === 1 ? cves[0]! : toolId);

/**
 * A CVSS base score as a severity word (the bands GitHub code scanning uses for `security-severity`):
 * critical from 9.0, high from 7.0, medium from 4.0, low above 0, none at 0. Not a score: null.
 */
export function cvssBand(score: number | string | null | undefined): string | null {
  if (score === null || score === undefined || (typeof score === 'string' && score.trim() === '')) return null;
  const n = typeof score === 'number' ? score : Number(score);
  if (!Number.isFinite(n) || n < 0 || n > 10) return null;
  if (n >= 9) return 'critical';
  if (n >= 7) return 'high';
  if (n >= 4) return 'medium';
  if (n > 0) return 'low';
  return 'none';
}

/** Within one report the same advisory on the same package and asset is one finding (the first seen). */
export function distinctFindings(findings: readonly ScannedFinding[]): ScannedFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = JSON.stringify([f.advisory, f.package, f.asset]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const orNull = (s: string | null | undefined): string | null => (s === undefined || s === null || s === '' ? null : s);
