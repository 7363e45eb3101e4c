import { z } from 'zod';
import type { ScannedFinding, ScanReport } from '../scan-report.js';
import { advisoryOf, cveIdsIn, cvssBand, distinctFindings, orNull } from './findings.js';
import { parseShape } from './report-json.js';

const osvVulnerability = z.object({
  id: z.string(),
  aliases: z.array(z.string()).nullish(),
  summary: z.string().optional(),
  details: z.string().optional(),
  database_specific: z.object({ severity: z.string().optional() }).optional(),
  affected: z
    .array(z.object({ package: z.object({ name: z.string() }).optional(), ranges: z.array(z.object({ events: z.array(z.object({ fixed: z.string().optional() })) })).optional() }))
    .optional(),
});

const osvPackage = z.object({
  package: z.object({ name: z.string(), version: z.string().optional() }),
  vulnerabilities: z.array(osvVulnerability).nullish(),
  groups: z.array(z.object({ ids: z.array(z.string()), aliases: z.array(z.string()).nullish(), max_severity: z.string().optional() })).nullish(),
});

const source = z.object({ path: z.string() }).optional();
const osvOutput = z.object({ results: z.array(z.object({ source, packageSource: source, packages: z.array(osvPackage).nullish() })) });

type Package = z.infer<typeof osvPackage>;
type Vulnerability = z.infer<typeof osvVulnerability>;
interface Group {
  ids: string[];
  aliases?: string[] | null;
  max_severity?: string;
}

/** OSV-Scanner groups ids that alias each other as one vulnerability; an id in no group stands alone. */
function groupsOf(pkg: Package): Group[] {
  const groups: Group[] = [...(pkg.groups ?? [])];
  for (const v of pkg.vulnerabilities ?? []) if (!groups.some((g) => g.ids.includes(v.id))) groups.push({ ids: [v.id] });
  return groups;
}

function fixedIn(vulns: readonly Vulnerability[], name: string): string | null {
  for (const v of vulns)
    for (const a of v.affected ?? [])
      if (!a.package || a.package.name === name)
        for (const r of a.ranges ?? []) for (const e of r.events) if (e.fixed) return e.fixed;
  return null;
}

function findingOf(pkg: Package, group: Group, asset: string | null): ScannedFinding {
  const vulns = (pkg.vulnerabilities ?? []).filter((v) => group.ids.includes(v.id));
  const cves = cveIdsIn([...group.ids, ...(group.aliases ?? []), ...vulns.flatMap((v) => [v.id, ...(v.aliases ?? [])])]);
  const first = group.ids[0] ?? vulns[0]?.id ?? 'unknown';
  const word = vulns.map((v) => v.database_specific?.severity).find((s) => s);
  const title = vulns.map((v) => v.summary ?? v.details?.split('\n')[0]).find((t) => t);
  return {
    advisory: advisoryOf(cves, first),
    cves,
    package: pkg.package.name,
    installedVersion: orNull(pkg.package.version),
    fixedVersion: fixedIn(vulns, pkg.package.name),
    title: title ?? first,
    scannerSeverity: (cvssBand(group.max_severity) ?? word ?? 'unknown').toLowerCase(),
    url: `https://osv.dev/${first}`,
    asset,
  };
}

/** OSV-Scanner's `--format json` output: one finding per group of aliased vulnerabilities per package. */
export function parseOsvScanner(value: unknown): ScanReport {
  const output = parseShape(osvOutput, value, 'OSV-Scanner report');
  const findings = output.results.flatMap((r) => {
    const asset = orNull((r.source ?? r.packageSource)?.path);
    return (r.packages ?? []).flatMap((pkg) => groupsOf(pkg).map((g) => findingOf(pkg, g, asset)));
  });
  return { format: 'osv-scanner', tool: 'osv-scanner', findings: distinctFindings(findings) };
}
