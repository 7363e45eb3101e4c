import { describe, expect, it } from 'vitest';
import { identityKey } from '../../../../src/features/patches/domain/finding.js';
import { mapSeverity, planImport, type KnownFinding } from '../../../../src/features/patches/domain/import-plan.js';
import { DEFAULT_SCANNER_SEVERITIES } from '../../../../src/features/patches/domain/patch-severity.js';
import type { ScannedFinding, ScanReport } from '../../../../src/features/patches/domain/scan-report.js';

const aFinding = (over: Partial<ScannedFinding> = {}): ScannedFinding => ({ advisory: 'CVE-2026-1', cves: ['CVE-2026-1'], package: 'openssl', installedVersion: '3.0.1', fixedVersion: '3.0.2', title: 'Heap overflow', scannerSeverity: 'high', url: null, asset: 'img:1', ...over });
const report = (findings: ScannedFinding[], format: ScanReport['format'] = 'trivy'): ScanReport => ({ format, tool: 'trivy', findings });
const none = () => null;
const noOpen = () => [];

describe('planImport', () => {
  it('maps severities, builds the identity and a description, and counts every finding new on an empty store', () => {
    const plan = planImport(report([aFinding(), aFinding({ advisory: 'CVE-2026-2', cves: [], scannerSeverity: 'moderate', package: null })]), null, DEFAULT_SCANNER_SEVERITIES, none, noOpen);
    expect(plan.fresh.map((p) => [p.key, p.severity])).toEqual([[identityKey('CVE-2026-1', 'openssl', 'img:1'), 'high'], [identityKey('CVE-2026-2', '', 'img:1'), 'medium']]);
    expect(plan.fresh[0]?.description).toBe('Heap overflow — openssl 3.0.1 (fixed in 3.0.2)');
    expect(plan).toMatchObject({ known: [], gone: [] });
  });

  it('--asset overrides the report target; the same identity twice counts once at its most severe', () => {
    const plan = planImport(report([aFinding({ scannerSeverity: 'low', asset: 'a' }), aFinding({ scannerSeverity: 'critical', asset: 'b' })]), 'web-1', DEFAULT_SCANNER_SEVERITIES, none, noOpen);
    expect(plan.fresh).toHaveLength(1);
    expect(plan.fresh[0]).toMatchObject({ asset: 'web-1', severity: 'critical' });
  });

  it('a stored identity is known; open findings of the asset first seen in this format and missing now are gone', () => {
    const stored: KnownFinding[] = [
      { id: 'P-1', key: identityKey('CVE-2026-1', 'openssl', 'img:1'), asset: 'img:1', source: 'trivy', status: 'open' },
      { id: 'P-2', key: identityKey('CVE-2025-9', 'zlib', 'img:1'), asset: 'img:1', source: 'trivy', status: 'open' },
      { id: 'P-3', key: identityKey('CVE-2025-8', 'curl', 'img:1'), asset: 'img:1', source: 'osv-scanner', status: 'open' },
      { id: 'SEC-1', key: identityKey('SEC-1', '', 'img:1'), asset: 'img:1', source: null, status: 'open' },
    ];
    const byKey = (key: string) => stored.find((s) => s.key === key) ?? null;
    const plan = planImport(report([aFinding()]), null, DEFAULT_SCANNER_SEVERITIES, byKey, () => stored);
    expect(plan.fresh).toEqual([]);
    expect(plan.known).toHaveLength(1);
    expect(plan.gone.map((g) => g.id)).toEqual(['P-2']);
  });

  it('refuses a finding without an asset, and a severity word the table does not map, naming the config key', () => {
    expect(() => planImport(report([aFinding({ asset: null })]), null, DEFAULT_SCANNER_SEVERITIES, none, noOpen)).toThrow(/say which asset it is with --asset NAME/);
    expect(() => planImport(report([aFinding({ scannerSeverity: 'severe' })]), null, DEFAULT_SCANNER_SEVERITIES, none, noOpen)).toThrow(/`severe` has no Warden severity: map it under sla.patch.scannerSeverities/);
    expect(mapSeverity('SEVERE', { ...DEFAULT_SCANNER_SEVERITIES, severe: 'critical' })).toBe('critical');
  });
});
