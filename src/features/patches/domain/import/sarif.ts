import { z } from 'zod';
import type { ScannedFinding, ScanReport } from '../scan-report.js';
import { advisoryOf, cveIdsIn, cvssBand, distinctFindings, orNull } from './findings.js';
import { parseShape, pathText, refuse } from './report-json.js';

const properties = z
  .object({ 'security-severity': z.union([z.string(), z.number()]).optional(), tags: z.array(z.string()).optional() })
  .optional();

const rule = z.object({
  id: z.string(),
  shortDescription: z.object({ text: z.string() }).optional(),
  helpUri: z.string().optional(),
  defaultConfiguration: z.object({ level: z.string().optional() }).optional(),
  properties,
});

const result = z.object({
  ruleId: z.string().optional(),
  rule: z.object({ id: z.string().optional() }).optional(),
  ruleIndex: z.number().int().optional(),
  level: z.string().optional(),
  message: z.object({ text: z.string().optional() }),
  locations: z
    .array(z.object({ physicalLocation: z.object({ artifactLocation: z.object({ uri: z.string().optional() }).optional() }).optional() }))
    .optional(),
  properties,
});

const run = z.object({
  tool: z.object({ driver: z.object({ name: z.string(), version: z.string().optional(), semanticVersion: z.string().optional(), rules: z.array(rule).optional() }) }),
  results: z.array(result).nullish(),
  versionControlProvenance: z.array(z.object({ repositoryUri: z.string() })).optional(),
});

const sarifLog = z.object({ version: z.literal('2.1.0'), runs: z.array(run) });

type Run = z.infer<typeof run>;
type Result = z.infer<typeof result>;
type Rule = z.infer<typeof rule>;

function ruleOf(r: Run, res: Result, ruleId: string): Rule | undefined {
  const rules = r.tool.driver.rules ?? [];
  const indexed = res.ruleIndex === undefined ? undefined : rules[res.ruleIndex];
  return indexed?.id === ruleId ? indexed : rules.find((x) => x.id === ruleId);
}

/** security-severity (a CVSS score) when either the result or its rule gives one, else the SARIF level. */
function severityOf(res: Result, rl: Rule | undefined): string {
  const band = cvssBand(res.properties?.['security-severity'] ?? rl?.properties?.['security-severity']);
  return (band ?? res.level ?? rl?.defaultConfiguration?.level ?? 'warning').toLowerCase();
}

function findingOf(r: Run, res: Result, at: string): ScannedFinding {
  const ruleId = res.ruleId ?? res.rule?.id ?? refuse(`This SARIF log is broken: ${at}.ruleId is missing.`);
  const rl = ruleOf(r, res, ruleId);
  const cves = cveIdsIn([ruleId, ...(rl?.properties?.tags ?? []), ...(res.properties?.tags ?? [])]);
  const firstLine = res.message.text?.split('\n')[0];
  return {
    advisory: advisoryOf(cves, ruleId),
    cves,
    package: orNull(res.locations?.[0]?.physicalLocation?.artifactLocation?.uri),
    installedVersion: null,
    fixedVersion: null,
    title: rl?.shortDescription?.text ?? orNull(firstLine) ?? ruleId,
    scannerSeverity: severityOf(res, rl),
    url: orNull(rl?.helpUri),
    asset: orNull(r.versionControlProvenance?.[0]?.repositoryUri),
  };
}

const toolName = (r: Run): string => {
  const version = r.tool.driver.semanticVersion ?? r.tool.driver.version;
  return version ? `${r.tool.driver.name} ${version}` : r.tool.driver.name;
};

/** A SARIF 2.1.0 log (code scanning, Trivy/Grype/Semgrep `--format sarif`): one finding per result. */
export function parseSarif(value: unknown): ScanReport {
  const log = parseShape(sarifLog, value, 'SARIF log');
  const findings = log.runs.flatMap((r, i) => (r.results ?? []).map((res, j) => findingOf(r, res, pathText(['runs', i, 'results', j]))));
  const tool = [...new Set(log.runs.map(toolName))].join(', ') || 'SARIF';
  return { format: 'sarif', tool, findings: distinctFindings(findings) };
}
