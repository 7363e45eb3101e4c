import { z } from 'zod';
import type { ScanReport } from '../scan-report.js';
import { advisoryOf, cveIdsIn, distinctFindings, orNull } from './findings.js';
import { parseShape } from './report-json.js';

const trivyVulnerability = z.object({
  VulnerabilityID: z.string(),
  PkgName: z.string(),
  InstalledVersion: z.string().optional(),
  FixedVersion: z.string().optional(),
  Title: z.string().optional(),
  Severity: z.string(),
  PrimaryURL: z.string().optional(),
});

const trivyReport = z.object({
  SchemaVersion: z.literal(2),
  ArtifactName: z.string().optional(),
  // Trivy leaves out `Results` and `Vulnerabilities` when there is nothing to list.
  Results: z.array(z.object({ Target: z.string(), Vulnerabilities: z.array(trivyVulnerability).nullish() })).nullish(),
});

/** Trivy's JSON report (`trivy ... --format json`, SchemaVersion 2). */
export function parseTrivy(value: unknown): ScanReport {
  const report = parseShape(trivyReport, value, 'Trivy report');
  const asset = orNull(report.ArtifactName);
  const findings = (report.Results ?? []).flatMap((result) =>
    (result.Vulnerabilities ?? []).map((v) => {
      const cves = cveIdsIn([v.VulnerabilityID]);
      return {
        advisory: advisoryOf(cves, v.VulnerabilityID),
        cves,
        package: v.PkgName,
        installedVersion: orNull(v.InstalledVersion),
        fixedVersion: orNull(v.FixedVersion),
        title: v.Title ?? v.VulnerabilityID,
        scannerSeverity: v.Severity.toLowerCase(),
        url: orNull(v.PrimaryURL),
        asset,
      };
    }),
  );
  return { format: 'trivy', tool: 'trivy', findings: distinctFindings(findings) };
}
