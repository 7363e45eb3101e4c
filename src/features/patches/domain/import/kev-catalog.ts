import { z } from 'zod';
import type { KevCatalog } from '../scan-report.js';
import { parseShape, readJson } from './report-json.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'should be a date like 2025-02-25');

const kevCatalog = z.object({
  catalogVersion: z.string(),
  dateReleased: z.string(),
  vulnerabilities: z.array(
    z.object({
      cveID: z.string().regex(/^CVE-\d{4}-\d{4,}$/, 'should be a CVE id like CVE-2025-0108'),
      dateAdded: day,
      dueDate: day,
      vendorProject: z.string(),
      product: z.string(),
      vulnerabilityName: z.string(),
      knownRansomwareCampaignUse: z.string(),
    }),
  ),
});

/** CISA's Known Exploited Vulnerabilities catalog (known_exploited_vulnerabilities.json). */
export function parseKevCatalog(text: string): KevCatalog {
  const catalog = parseShape(kevCatalog, readJson(text, 'KEV catalog'), 'KEV catalog');
  return {
    catalogVersion: catalog.catalogVersion,
    dateReleased: catalog.dateReleased,
    entries: catalog.vulnerabilities.map((v) => ({
      cveId: v.cveID,
      dateAdded: v.dateAdded,
      dueDate: v.dueDate,
      vendorProject: v.vendorProject,
      product: v.product,
      vulnerabilityName: v.vulnerabilityName,
      knownRansomwareCampaignUse: v.knownRansomwareCampaignUse,
    })),
  };
}
