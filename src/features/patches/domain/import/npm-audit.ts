import { z } from 'zod';
import type { ScannedFinding, ScanReport } from '../scan-report.js';
import { advisoryOf, cveIdsIn, distinctFindings } from './findings.js';
import { parseShape } from './report-json.js';

const advisory = z.object({
  source: z.number().optional(),
  id: z.number().optional(),
  title: z.string(),
  url: z.string().optional(),
  severity: z.string(),
  cves: z.array(z.string()).optional(),
  findings: z.array(z.object({ version: z.string() })).optional(),
});

const vulnerability = z.object({
  name: z.string(),
  severity: z.string(),
  // A string names another vulnerable package this one depends on; that package has its own entry.
  via: z.array(z.union([z.string(), advisory])),
  fixAvailable: z.union([z.boolean(), z.object({ name: z.string(), version: z.string() })]).optional(),
});

const npmAuditReport = z.object({
  auditReportVersion: z.literal(2),
  vulnerabilities: z.record(z.string(), vulnerability),
  metadata: z.object({}),
});

type Vulnerability = z.infer<typeof vulnerability>;
type Advisory = z.infer<typeof advisory>;

const GHSA = /GHSA(-[23456789cfghjmpqrvwx]{4}){3}|GHSA-\d+/i;

function toolId(via: Advisory): string {
  const ghsa = via.url ? GHSA.exec(via.url) : null;
  if (ghsa) return ghsa[0];
  return `npm:${via.source ?? via.id ?? via.title}`;
}

function findingOf(vuln: Vulnerability, via: Advisory): ScannedFinding {
  const cves = cveIdsIn(via.cves ?? []);
  const fix = typeof vuln.fixAvailable === 'object' && vuln.fixAvailable.name === vuln.name ? vuln.fixAvailable.version : null;
  return {
    advisory: advisoryOf(cves, toolId(via)),
    cves,
    package: vuln.name,
    installedVersion: via.findings?.[0]?.version ?? null,
    fixedVersion: fix,
    title: via.title,
    scannerSeverity: via.severity.toLowerCase(),
    url: via.url ?? null,
    asset: null,
  };
}

/** `npm audit --json` of npm 7 or later: one finding per advisory object in each package's `via`. */
export function parseNpmAudit(value: unknown): ScanReport {
  const report = parseShape(npmAuditReport, value, 'npm audit report');
  const findings = Object.values(report.vulnerabilities).flatMap((vuln) =>
    vuln.via.flatMap((via) => (typeof via === 'string' ? [] : [findingOf(vuln, via)])),
  );
  return { format: 'npm-audit', tool: 'npm', findings: distinctFindings(findings) };
}
