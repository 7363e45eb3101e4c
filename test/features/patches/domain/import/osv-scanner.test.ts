import { describe, expect, it } from 'vitest';
import { parseScanReport } from '../../../../../src/features/patches/index.js';
import { type Doc, edited, fixture } from './fixtures.js';

describe("reading OSV-Scanner's JSON output", () => {
  it("when ids alias one CVE (the docs' example), then each group is one finding filed under that CVE", () => {
    const report = parseScanReport(fixture('osv-scanner/output-docs-example.json'));
    expect(report.tool).toBe('osv-scanner');
    expect(report.findings).toEqual([
      {
        advisory: 'CVE-2021-3121',
        cves: ['CVE-2021-3121'],
        package: 'github.com/gogo/protobuf',
        installedVersion: '1.3.1',
        fixedVersion: null,
        title: 'GHSA-c3h9-896r-86jm',
        scannerSeverity: 'unknown',
        url: 'https://osv.dev/GHSA-c3h9-896r-86jm',
        asset: '/absolute/path/to/go.mod',
      },
      expect.objectContaining({ advisory: 'CVE-2022-24713', package: 'regex', installedVersion: '1.5.1', asset: '/absolute/path/to/Cargo.lock' }),
    ]);
  });

  it('when a group has a max_severity score, then its CVSS band is the severity', () => {
    expect(parseScanReport(fixture('osv-scanner/two-aliases-max-severity.json')).findings).toEqual([
      expect.objectContaining({ advisory: 'OSV-1', cves: [], package: 'mine1', title: 'Something scary!', scannerSeverity: 'high', asset: '<rootdir>/path/to/my/first/lockfile' }),
    ]);
  });

  it('when there is no score, then database_specific.severity is the word; with neither, unknown', () => {
    const text = edited('osv-scanner/some-missing-content.json', (d) => (d.results[0].packages[0].vulnerabilities[1].database_specific = { severity: 'MODERATE' }));
    const findings = parseScanReport(text).findings;
    expect(findings.map((f) => [f.package, f.advisory, f.scannerSeverity])).toEqual([
      ['mine1', 'OSV-1', 'unknown'],
      ['mine1', 'OSV-3', 'moderate'],
      ['mine1', 'OSV-4', 'unknown'],
      ['mine3', 'OSV-2', 'unknown'],
    ]);
    expect(findings[3]).toMatchObject({ title: 'OSV-2', installedVersion: '0.10.2-rc' });
  });

  it('when the vulnerability names the fixed version of this package, then that is the fix', () => {
    const text = edited('osv-scanner/output-docs-example.json', (d) => {
      d.results[1].packages[0].vulnerabilities[0].affected = [
        { package: { name: 'regex', ecosystem: 'crates.io' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.5.5' }] }] },
      ];
    });
    expect(parseScanReport(text).findings[1]!.fixedVersion).toBe('1.5.5');
  });

  it('when there are no groups, then each vulnerability stands alone and same-CVE ones collapse', () => {
    const text = edited('osv-scanner/output-docs-example.json', (d) => delete d.results[0].packages[0].groups);
    expect(parseScanReport(text).findings.filter((f) => f.package === 'github.com/gogo/protobuf')).toHaveLength(1);
  });

  it('when nothing was scanned or nothing is vulnerable, then there are no findings', () => {
    expect(parseScanReport(fixture('osv-scanner/no-sources.json')).findings).toEqual([]);
    const clean = edited('osv-scanner/two-aliases-max-severity.json', (d) => {
      delete d.results[0].packages[0].vulnerabilities;
      delete d.results[0].packages[0].groups;
    });
    expect(parseScanReport(clean).findings).toEqual([]);
  });

  it.each([
    ['a vulnerability has no id', (d: Doc) => delete d.results[0].packages[1].vulnerabilities[0].id, 'results[0].packages[1].vulnerabilities[0].id is missing'],
    ['a package has no name', (d: Doc) => delete d.results[0].packages[0].package.name, 'results[0].packages[0].package.name is missing'],
    ['a group has no ids', (d: Doc) => delete d.results[0].packages[0].groups[2].ids, 'results[0].packages[0].groups[2].ids is missing'],
    ['packages is not a list', (d: Doc) => (d.results[0].packages = 'mine1'), 'results[0].packages should be a list'],
  ])('when %s, then it is refused naming the path', (_what, edit, path) => {
    expect(() => parseScanReport(edited('osv-scanner/some-missing-content.json', edit))).toThrow(`This OSV-Scanner report is broken: ${path}.`);
  });
});
