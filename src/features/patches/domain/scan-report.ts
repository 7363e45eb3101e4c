/**
 * A scanner's report as Warden reads it, whatever the tool (npm audit v7+, Trivy, SARIF 2.1.0, OSV-Scanner):
 * the parsers in `domain/import/` turn a report's text into this, and the import use case stores it.
 */
export const SCAN_FORMATS = ['npm-audit', 'trivy', 'sarif', 'osv-scanner'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];

export interface ScannedFinding {
  /** The advisory's own id: a CVE id when there is one, else the tool's (GHSA-…, a SARIF rule id, an OSV id). */
  advisory: string;
  /** Every CVE id the finding names (for the KEV catalog); may be empty. */
  cves: readonly string[];
  /** The affected package (npm name, OS package, library) or, for code scanning, the file; null when none. */
  package: string | null;
  installedVersion: string | null;
  fixedVersion: string | null;
  title: string;
  /** The scanner's own severity word, lower case (`moderate`, `critical`, `error` ...); mapped by config. */
  scannerSeverity: string;
  url: string | null;
  /** The scanned target the report names (an image, a lockfile, a repository), if any; `--asset` overrides it. */
  asset: string | null;
}

export interface ScanReport {
  format: ScanFormat;
  /** The tool as the report names it (`trivy 0.50.1`, `Semgrep`, `npm`). */
  tool: string;
  findings: readonly ScannedFinding[];
}

/** One entry of CISA's Known Exploited Vulnerabilities catalog. */
export interface KevEntry {
  cveId: string;
  /** `YYYY-MM-DD` */
  dateAdded: string;
  /** `YYYY-MM-DD`: the remediation due date CISA set for federal agencies. */
  dueDate: string;
  vendorProject: string;
  product: string;
  vulnerabilityName: string;
  knownRansomwareCampaignUse: string;
}

export interface KevCatalog {
  catalogVersion: string;
  dateReleased: string;
  entries: readonly KevEntry[];
}
