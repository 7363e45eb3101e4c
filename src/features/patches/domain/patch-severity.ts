/** Warden's patch severities, most severe first; each has an SLA (`sla.patch.<severity>`). */
export const PATCH_SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type PatchSeverity = (typeof PATCH_SEVERITIES)[number];

/**
 * How scanners' severity words read in Warden's terms, before `sla.patch.scannerSeverities` adjusts them:
 * npm audit (critical, high, moderate, low, info), Trivy (CRITICAL ... UNKNOWN), SARIF levels (error, warning,
 * note, none) and GitHub's security-severity bands, OSV's database_specific severities.
 */
export const DEFAULT_SCANNER_SEVERITIES: Readonly<Record<string, PatchSeverity>> = {
  critical: 'critical',
  high: 'high',
  moderate: 'medium',
  medium: 'medium',
  low: 'low',
  info: 'low',
  informational: 'low',
  negligible: 'low',
  unknown: 'medium',
  error: 'high',
  warning: 'medium',
  note: 'low',
  none: 'low',
};
