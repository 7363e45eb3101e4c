import { describe, expect, it } from 'vitest';
import { parseScanReport } from '../../../../../src/features/patches/index.js';
import { type Doc, edited, fixture } from './fixtures.js';

describe("reading Trivy's JSON report", () => {
  it("when Trivy's debian image golden is read, then each vulnerability is a finding on the image", () => {
    const report = parseScanReport(fixture('trivy/debian-buster.json'));
    expect(report.tool).toBe('trivy');
    expect(report.findings).toEqual([
      {
        advisory: 'CVE-2019-18276',
        cves: ['CVE-2019-18276'],
        package: 'bash',
        installedVersion: '5.0-4',
        fixedVersion: null,
        title: 'bash: when effective UID is not equal to its real UID the saved UID is not dropped',
        scannerSeverity: 'low',
        url: 'https://avd.aquasec.com/nvd/cve-2019-18276',
        asset: 'testdata/fixtures/images/debian-buster.tar.gz',
      },
      {
        advisory: 'CVE-2019-18224',
        cves: ['CVE-2019-18224'],
        package: 'libidn2-0',
        installedVersion: '2.0.5-1',
        fixedVersion: '2.0.5-1+deb10u1',
        title: 'libidn2: heap-based buffer overflow in idn2_to_ascii_4i in lib/lookup.c',
        scannerSeverity: 'critical',
        url: 'https://avd.aquasec.com/nvd/cve-2019-18224',
        asset: 'testdata/fixtures/images/debian-buster.tar.gz',
      },
    ]);
  });

  it('when a lockfile repository is scanned, then the asset is the repository and the fix is named', () => {
    expect(parseScanReport(fixture('trivy/conan.json')).findings).toEqual([
      expect.objectContaining({ advisory: 'CVE-2020-14155', package: 'pcre', installedVersion: '8.43', fixedVersion: '8.45', scannerSeverity: 'medium', asset: 'testdata/fixtures/repo/conan' }),
    ]);
  });

  it('when one CVE hits two packages, then each package has its finding; a repeat of the same one is dropped', () => {
    const findings = parseScanReport(fixture('trivy/alpine-310.json')).findings;
    expect(findings.map((f) => `${f.advisory} ${f.package}`)).toEqual(['CVE-2019-1549 libcrypto1.1', 'CVE-2019-1551 libcrypto1.1', 'CVE-2019-1549 libssl1.1']);
    const repeated = edited('trivy/alpine-310.json', (d) => d.Results.push(d.Results[0]));
    expect(parseScanReport(repeated).findings).toHaveLength(3);
  });

  it('when the id is not a CVE, then it is the advisory and no CVE is named', () => {
    const text = edited('trivy/debian-buster.json', (d) => (d.Results[0].Vulnerabilities[0].VulnerabilityID = 'TEMP-0841856-B18BAF'));
    expect(parseScanReport(text).findings[0]).toMatchObject({ advisory: 'TEMP-0841856-B18BAF', cves: [] });
  });

  it('when the scan found nothing (no Vulnerabilities, or no Results), then there are no findings', () => {
    expect(parseScanReport(edited('trivy/conan.json', (d) => delete d.Results[0].Vulnerabilities)).findings).toEqual([]);
    expect(parseScanReport(edited('trivy/conan.json', (d) => delete d.Results)).findings).toEqual([]);
  });

  it.each([
    ['VulnerabilityID is missing', (d: Doc) => delete d.Results[0].Vulnerabilities[1].VulnerabilityID, 'Results[0].Vulnerabilities[1].VulnerabilityID is missing'],
    ['PkgName is missing', (d: Doc) => delete d.Results[0].Vulnerabilities[0].PkgName, 'Results[0].Vulnerabilities[0].PkgName is missing'],
    ['Severity is a number', (d: Doc) => (d.Results[0].Vulnerabilities[0].Severity = 2), 'Results[0].Vulnerabilities[0].Severity should be a string'],
    ['Results is not a list', (d: Doc) => (d.Results = {}), 'Results should be a list'],
    ['Target is missing', (d: Doc) => delete d.Results[0].Target, 'Results[0].Target is missing'],
  ])('when %s, then it is refused naming the path', (_what, edit, path) => {
    expect(() => parseScanReport(edited('trivy/debian-buster.json', edit))).toThrow(`This Trivy report is broken: ${path}.`);
  });
});
