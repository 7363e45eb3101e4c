import { describe, expect, it } from 'vitest';
import { parseKevCatalog } from '../../../../../src/features/patches/index.js';
import { type Doc, edited, fixture } from './fixtures.js';

const KEV = 'kev/known_exploited_vulnerabilities.json';

describe("reading CISA's Known Exploited Vulnerabilities catalog", () => {
  it('when the catalog is read, then every entry keeps its CVE, dates, vendor and ransomware use', () => {
    const catalog = parseKevCatalog(fixture(KEV));
    expect(catalog.catalogVersion).toBe('2025.02.25');
    expect(catalog.dateReleased).toBe('2025-02-25T20:33:53.3676Z');
    expect(catalog.entries.map((e) => e.cveId)).toEqual(['CVE-2023-34192', 'CVE-2024-49035', 'CVE-2025-0108']);
    expect(catalog.entries[2]).toEqual({
      cveId: 'CVE-2025-0108',
      dateAdded: '2025-02-18',
      dueDate: '2025-03-11',
      vendorProject: 'Palo Alto Networks',
      product: 'PAN-OS',
      vulnerabilityName: 'Palo Alto Networks PAN-OS Authentication Bypass Vulnerability',
      knownRansomwareCampaignUse: 'Unknown',
    });
  });

  it('when the catalog lists nothing, then it has no entries', () => {
    expect(parseKevCatalog(edited(KEV, (d) => (d.vulnerabilities = []))).entries).toEqual([]);
  });

  it.each([
    ['an entry has no cveID', (d: Doc) => delete d.vulnerabilities[1].cveID, 'vulnerabilities[1].cveID is missing'],
    ['a cveID is not a CVE', (d: Doc) => (d.vulnerabilities[0].cveID = 'GHSA-1234'), 'vulnerabilities[0].cveID should be a CVE id like CVE-2025-0108'],
    ['a due date is not a date', (d: Doc) => (d.vulnerabilities[2].dueDate = '11/03/2025'), 'vulnerabilities[2].dueDate should be a date like 2025-02-25'],
    ['catalogVersion is missing', (d: Doc) => delete d.catalogVersion, 'catalogVersion is missing'],
    ['vulnerabilities is missing', (d: Doc) => delete d.vulnerabilities, 'vulnerabilities is missing'],
  ])('when %s, then it is refused naming the path', (_what, edit, path) => {
    expect(() => parseKevCatalog(edited(KEV, edit))).toThrow(`This KEV catalog is broken: ${path}.`);
  });

  it('when the file is cut short or is not JSON, then it is refused saying so', () => {
    expect(() => parseKevCatalog(fixture(KEV).slice(0, 500))).toThrow(/^The KEV catalog is not valid JSON: it ends at line \d+, column \d+ in the middle of a value, so it looks truncated\.$/);
    expect(() => parseKevCatalog('<html>Service Unavailable</html>')).toThrow(/^The KEV catalog is not valid JSON: parsing stopped/);
  });
});
