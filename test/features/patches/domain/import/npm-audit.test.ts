import { describe, expect, it } from 'vitest';
import { parseScanReport } from '../../../../../src/features/patches/index.js';
import { type Doc, edited, fixture } from './fixtures.js';

describe('reading npm audit --json (npm 7+)', () => {
  it("when npm's own test report is read, then its one advisory is a finding with the GHSA id from the url", () => {
    const report = parseScanReport(fixture('npm-audit/json-audit.json'));
    expect(report.tool).toBe('npm');
    expect(report.findings).toEqual([
      {
        advisory: 'GHSA-100',
        cves: [],
        package: 'test-dep-a',
        installedVersion: null,
        fixedVersion: null,
        title: 'Test advisory 100',
        scannerSeverity: 'high',
        url: 'https://github.com/advisories/GHSA-100',
        asset: null,
      },
    ]);
  });

  it('when packages are vulnerable only through others (string via), then only advisory objects become findings', () => {
    const report = parseScanReport(fixture('npm-audit/nyc-mkdirp.json'));
    expect(report.findings.map((f) => [f.package, f.advisory, f.scannerSeverity])).toEqual([
      ['handlebars', 'npm:755', 'critical'],
      ['handlebars', 'CVE-2019-19919', 'high'],
      ['handlebars', 'npm:1300', 'moderate'],
      ['lodash', 'CVE-2018-16487', 'high'],
      ['lodash', 'CVE-2019-10744', 'high'],
    ]);
    expect(report.findings[1]).toMatchObject({ cves: ['CVE-2019-19919'], installedVersion: '4.0.11', url: 'https://npmjs.com/advisories/1164', asset: null });
  });

  it('when the fix npm offers is an upgrade of the package itself, then that is the fixed version', () => {
    const text = edited('npm-audit/one-vuln.json', (d) => {
      d.vulnerabilities.minimist.fixAvailable = { name: 'minimist', version: '1.2.6', isSemVerMajor: false };
    });
    expect(parseScanReport(text).findings[0]).toMatchObject({ advisory: 'npm:1179', package: 'minimist', fixedVersion: '1.2.6', scannerSeverity: 'low' });
    const viaParent = edited('npm-audit/one-vuln.json', (d) => {
      d.vulnerabilities.minimist.fixAvailable = { name: 'nyc', version: '15.0.0', isSemVerMajor: true };
    });
    expect(parseScanReport(viaParent).findings[0]!.fixedVersion).toBeNull();
  });

  it('when the same advisory is listed twice for a package, then it is one finding', () => {
    const text = edited('npm-audit/nyc-mkdirp.json', (d) => {
      d.vulnerabilities.lodash.via.push(d.vulnerabilities.lodash.via[1]);
    });
    expect(parseScanReport(text).findings.filter((f) => f.advisory === 'CVE-2019-10744')).toHaveLength(1);
  });

  it('when nothing is vulnerable, then the report has no findings', () => {
    const text = edited('npm-audit/one-vuln.json', (d) => {
      d.vulnerabilities = {};
    });
    expect(parseScanReport(text)).toEqual({ format: 'npm-audit', tool: 'npm', findings: [] });
  });

  it.each([
    ['an advisory has no title', (d: Doc) => delete d.vulnerabilities.handlebars.via[1].title, 'vulnerabilities.handlebars.via[1].title is missing'],
    ['an advisory has no severity', (d: Doc) => delete d.vulnerabilities.lodash.via[0].severity, 'vulnerabilities.lodash.via[0].severity is missing'],
    ['via is not a list', (d: Doc) => (d.vulnerabilities.nyc.via = 'yargs'), 'vulnerabilities.nyc.via should be a list'],
    ['metadata is missing', (d: Doc) => delete d.metadata, 'metadata is missing'],
    ['vulnerabilities is missing', (d: Doc) => delete d.vulnerabilities, 'vulnerabilities is missing'],
  ])('when %s, then it is refused naming the path', (_what, edit, path) => {
    expect(() => parseScanReport(edited('npm-audit/nyc-mkdirp.json', edit))).toThrow(`This npm audit report is broken: ${path}.`);
  });
});
