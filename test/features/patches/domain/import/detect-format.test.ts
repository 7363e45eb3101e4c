import { describe, expect, it } from 'vitest';
import { detectScanFormat, parseScanReport } from '../../../../../src/features/patches/index.js';
import { WardenError } from '../../../../../src/platform/errors.js';
import { fixture } from './fixtures.js';

const refusal = (text: string): WardenError => {
  try {
    parseScanReport(text);
  } catch (e) {
    if (e instanceof WardenError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
};

describe('detecting a scanner report from its content', () => {
  it.each([
    ['npm-audit/json-audit.json', 'npm-audit'],
    ['npm-audit/nyc-mkdirp.json', 'npm-audit'],
    ['npm-audit/one-vuln.json', 'npm-audit'],
    ['trivy/conan.json', 'trivy'],
    ['trivy/debian-buster.json', 'trivy'],
    ['trivy/alpine-310.json', 'trivy'],
    ['sarif/trivy-alpine-310.sarif', 'sarif'],
    ['osv-scanner/output-docs-example.json', 'osv-scanner'],
    ['osv-scanner/two-aliases-max-severity.json', 'osv-scanner'],
    ['osv-scanner/some-missing-content.json', 'osv-scanner'],
    ['osv-scanner/no-sources.json', 'osv-scanner'],
  ])('when the report is %s, then it is read as %s', (path, format) => {
    expect(detectScanFormat(fixture(path))).toBe(format);
    expect(parseScanReport(fixture(path)).format).toBe(format);
  });

  it('when the JSON is none of the four formats, then it is refused naming the four it accepts', () => {
    const e = refusal(fixture('kev/known_exploited_vulnerabilities.json'));
    expect(e.code).toBe('bad_input');
    expect(e.message).toBe(
      'This JSON is not a scanner report: Warden reads npm audit --json (npm 7 or later), Trivy JSON (--format json), SARIF 2.1.0 and OSV-Scanner JSON (--format json).',
    );
    expect(refusal('[1, 2]').message).toBe(e.message);
    expect(refusal('"text"').message).toBe(e.message);
  });

  it("when the report is npm 6's advisories format, then it is refused with a hint to use npm 7+", () => {
    expect(refusal(fixture('npm-audit/v6-no-vulns.json')).message).toBe(
      'This is an npm 6 audit report (it lists "advisories"); Warden reads the npm 7+ format: run npm audit --json with npm 7 or later.',
    );
  });

  it('when a known format has a version Warden does not read, then it names the version', () => {
    expect(refusal(fixture('trivy/conan.json').replace('"SchemaVersion": 2', '"SchemaVersion": 1')).message).toBe(
      'This Trivy report has SchemaVersion 1; Warden reads SchemaVersion 2.',
    );
    expect(refusal(fixture('sarif/trivy-alpine-310.sarif').replace('"version": "2.1.0"', '"version": "2.0.0"')).message).toBe(
      'This SARIF log has version "2.0.0"; Warden reads SARIF 2.1.0.',
    );
    expect(refusal(fixture('npm-audit/one-vuln.json').replace('"auditReportVersion": 2', '"auditReportVersion": 3')).message).toBe(
      'This npm audit report has auditReportVersion 3; Warden reads version 2 (npm 7 or later).',
    );
  });

  it('when the file is cut short, then the refusal says where it ends and that it looks truncated', () => {
    const text = fixture('trivy/debian-buster.json');
    const cut = text.slice(0, 1000);
    const lines = cut.split('\n');
    const e = refusal(cut);
    expect(e.message).toBe(
      `The report is not valid JSON: it ends at line ${lines.length}, column ${lines.at(-1)!.length + 1} in the middle of a value, so it looks truncated.`,
    );
    expect(refusal(text.slice(0, text.indexOf('"bash"') + 3)).message).toContain('looks truncated');
  });

  it('when the file is not JSON, then the refusal says where parsing stopped', () => {
    expect(refusal('{"results" []}').message).toBe(
      "The report is not valid JSON: parsing stopped at line 1, column 12 (Expected ':' after property name in JSON at position 11).",
    );
    expect(refusal('{\n  "a": 1,\n  oops\n}').message).toContain('at line 3, column 3');
    expect(refusal('npm ERR! code ENOLOCK').message).toMatch(/^The report is not valid JSON: parsing stopped \(/);
    expect(refusal('   ').message).toBe('The report is empty.');
  });

  it('when the file is over 50 MB, then it is refused with its size before parsing', () => {
    const big = `{"results": [], "pad": "${'x'.repeat(52 * 1024 * 1024)}"}`;
    expect(refusal(big).message).toBe('The report is 52.0 MB; Warden reads files up to 50 MB.');
    const justUnder = `{"results": [], "pad": "${'x'.repeat(50 * 1024 * 1024 - 40)}"}`;
    expect(parseScanReport(justUnder).findings).toEqual([]);
  });
});
