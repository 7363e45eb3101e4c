import { describe, expect, it } from 'vitest';
import { parseScanReport } from '../../../../../src/features/patches/index.js';
import { type Doc, edited, fixture } from './fixtures.js';

const SARIF = 'sarif/trivy-alpine-310.sarif';
const IMAGE = 'testdata/fixtures/images/alpine-310.tar.gz';

describe('reading a SARIF 2.1.0 log', () => {
  it("when Trivy's SARIF golden is read, then results on the same rule and artifact are one finding", () => {
    const report = parseScanReport(fixture(SARIF));
    expect(report.tool).toBe('Trivy dev');
    // 8 results: 4 CVEs on libcrypto1.1 and libssl1.1, both located at the image file.
    expect(report.findings.map((f) => [f.advisory, f.scannerSeverity])).toEqual([
      ['CVE-2019-1549', 'warning'],
      ['CVE-2019-1551', 'warning'],
      ['CVE-2019-1563', 'warning'],
      ['CVE-2019-1547', 'note'],
    ]);
    expect(report.findings[0]).toEqual({
      advisory: 'CVE-2019-1549',
      cves: ['CVE-2019-1549'],
      package: IMAGE,
      installedVersion: null,
      fixedVersion: null,
      title: 'CVE-2019-1549',
      scannerSeverity: 'warning',
      url: 'https://avd.aquasec.com/nvd/cve-2019-1549',
      asset: null,
    });
  });

  it('when the same CVE is in Trivy JSON and Trivy SARIF of one image, then both name it the same advisory', () => {
    const json = parseScanReport(fixture('trivy/alpine-310.json')).findings.find((f) => f.package === 'libssl1.1')!;
    const sarif = parseScanReport(fixture(SARIF)).findings.find((f) => f.advisory === json.advisory)!;
    expect([json.advisory, json.cves]).toEqual([sarif.advisory, sarif.cves]);
    // SARIF locates the finding at the scanned artifact: what the JSON report calls the asset.
    expect(sarif.package).toBe(json.asset);
  });

  it('when a result has no level, then the rule default level is the severity', () => {
    const text = edited(SARIF, (d) => delete d.runs[0].results[3].level);
    expect(parseScanReport(text).findings[3]!.scannerSeverity).toBe('note');
    const neither = edited(SARIF, (d) => {
      delete d.runs[0].results[3].level;
      delete d.runs[0].tool.driver.rules[3].defaultConfiguration;
    });
    expect(parseScanReport(neither).findings[3]!.scannerSeverity).toBe('warning');
  });

  it.each([
    ['0', 'none'],
    ['0.1', 'low'],
    ['3.9', 'low'],
    ['4.0', 'medium'],
    ['6.9', 'medium'],
    ['7.0', 'high'],
    ['8.9', 'high'],
    ['9.0', 'critical'],
    ['10', 'critical'],
  ])('when the rule has security-severity %s, then the severity is %s whatever the level', (score, word) => {
    const text = edited(SARIF, (d) => (d.runs[0].tool.driver.rules[0].properties['security-severity'] = score));
    expect(parseScanReport(text).findings[0]!.scannerSeverity).toBe(word);
  });

  it("when the result has its own security-severity, then it wins over the rule's; a number works like a string", () => {
    const text = edited(SARIF, (d) => {
      d.runs[0].tool.driver.rules[0].properties['security-severity'] = '9.8';
      d.runs[0].results[0].properties = { 'security-severity': 5.5 };
    });
    expect(parseScanReport(text).findings[0]!.scannerSeverity).toBe('medium');
  });

  it.each(['high', '', '10.1', '-1'])('when security-severity is %j (not a CVSS score), then the level is used', (score) => {
    const text = edited(SARIF, (d) => (d.runs[0].tool.driver.rules[0].properties['security-severity'] = score));
    expect(parseScanReport(text).findings[0]!.scannerSeverity).toBe('warning');
  });

  it('when a code-scanning rule has no CVE in its id but tags name one, then the tag CVE is the advisory', () => {
    const text = edited(SARIF, (d) => {
      d.runs[0].tool.driver.rules[0].id = 'js/prototype-pollution';
      d.runs[0].results[0].ruleId = 'js/prototype-pollution';
      d.runs[0].results[4].ruleId = 'js/prototype-pollution';
      d.runs[0].tool.driver.rules[0].properties.tags = ['security', 'cve-2019-10744'];
    });
    expect(parseScanReport(text).findings[0]).toMatchObject({ advisory: 'CVE-2019-10744', cves: ['CVE-2019-10744'] });
    const two = edited(SARIF, (d) => d.runs[0].tool.driver.rules[0].properties.tags.push('CVE-2019-1563'));
    expect(parseScanReport(two).findings[0]).toMatchObject({ advisory: 'CVE-2019-1549', cves: ['CVE-2019-1549', 'CVE-2019-1563'] });
  });

  it('when the run names its repository, then that is the asset', () => {
    const text = edited(SARIF, (d) => (d.runs[0].versionControlProvenance = [{ repositoryUri: 'https://github.com/acme/shop', revisionId: 'abc' }]));
    expect(parseScanReport(text).findings.every((f) => f.asset === 'https://github.com/acme/shop')).toBe(true);
  });

  it('when there are no results (or no runs), then there are no findings', () => {
    expect(parseScanReport(edited(SARIF, (d) => (d.runs[0].results = []))).findings).toEqual([]);
    expect(parseScanReport(edited(SARIF, (d) => (d.runs = []))).findings).toEqual([]);
  });

  it.each([
    ['a result has no rule id', (d: Doc) => delete d.runs[0].results[2].ruleId, 'runs[0].results[2].ruleId is missing'],
    ['a result has no message', (d: Doc) => delete d.runs[0].results[5].message, 'runs[0].results[5].message is missing'],
    ['a rule has no id', (d: Doc) => delete d.runs[0].tool.driver.rules[1].id, 'runs[0].tool.driver.rules[1].id is missing'],
    ['the driver has no name', (d: Doc) => delete d.runs[0].tool.driver.name, 'runs[0].tool.driver.name is missing'],
    ['runs is not a list', (d: Doc) => (d.runs = {}), 'runs should be a list'],
  ])('when %s, then it is refused naming the path', (_what, edit, path) => {
    expect(() => parseScanReport(edited(SARIF, edit))).toThrow(`This SARIF log is broken: ${path}.`);
  });
});
