import type { ScanFormat, ScanReport } from '../scan-report.js';
import { parseNpmAudit } from './npm-audit.js';
import { parseOsvScanner } from './osv-scanner.js';
import { readJson, refuse } from './report-json.js';
import { parseSarif } from './sarif.js';
import { parseTrivy } from './trivy.js';

const ACCEPTED =
  'Warden reads npm audit --json (npm 7 or later), Trivy JSON (--format json), SARIF 2.1.0 and OSV-Scanner JSON (--format json)';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Which tool wrote this parsed report, by the keys each format always has; refuses what none of them wrote. */
export function formatOf(value: unknown): ScanFormat {
  if (!isObject(value)) return refuse(`This JSON is not a scanner report: ${ACCEPTED}.`);
  if ('advisories' in value && !('auditReportVersion' in value)) {
    return refuse('This is an npm 6 audit report (it lists "advisories"); Warden reads the npm 7+ format: run npm audit --json with npm 7 or later.');
  }
  if ('auditReportVersion' in value) {
    if (value.auditReportVersion !== 2) return refuse(`This npm audit report has auditReportVersion ${JSON.stringify(value.auditReportVersion)}; Warden reads version 2 (npm 7 or later).`);
    return 'npm-audit';
  }
  if ('SchemaVersion' in value) {
    if (value.SchemaVersion !== 2) return refuse(`This Trivy report has SchemaVersion ${JSON.stringify(value.SchemaVersion)}; Warden reads SchemaVersion 2.`);
    return 'trivy';
  }
  if ('runs' in value) {
    if (value.version !== '2.1.0') return refuse(`This SARIF log has version ${JSON.stringify(value.version)}; Warden reads SARIF 2.1.0.`);
    return 'sarif';
  }
  if (Array.isArray(value.results)) return 'osv-scanner';
  return refuse(`This JSON is not a scanner report: ${ACCEPTED}.`);
}

/** Which scanner wrote this report text (npm-audit, trivy, sarif, osv-scanner); refuses anything else. */
export function detectScanFormat(text: string): ScanFormat {
  return formatOf(readJson(text, 'report'));
}

const PARSERS: Record<ScanFormat, (value: unknown) => ScanReport> = {
  'npm-audit': parseNpmAudit,
  trivy: parseTrivy,
  sarif: parseSarif,
  'osv-scanner': parseOsvScanner,
};

/**
 * A scanner report's text as Warden's findings, whatever tool wrote it. Refuses (`bad_input`) with a reason
 * naming the problem: not JSON (or truncated), not a known format, an unsupported version, a broken field.
 */
export function parseScanReport(text: string): ScanReport {
  const value = readJson(text, 'report');
  return PARSERS[formatOf(value)](value);
}
