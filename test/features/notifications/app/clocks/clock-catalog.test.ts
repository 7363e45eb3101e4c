import { describe, expect, it } from 'vitest';
import { buildClockCatalog, contractRegime, requireApplicable } from '../../../../../src/features/notifications/app/clocks/clock-catalog.js';
import { computeDeadlines } from '../../../../../src/features/notifications/domain/deadlines/compute-deadlines.js';
import { loadRegimeCatalog } from '../../../../../src/features/notifications/files/load-regimes.js';

const loaded = loadRegimeCatalog(['regimes']);
if (!loaded.ok) throw new Error('the shipped catalog must load');
const regimes = loaded.catalog.regimes;
const enterprise = { name: 'enterprise', anchor: 'became_aware' as const, withinMs: 24 * 3_600_000, description: 'Notify within 24 hours.' };

describe('the catalog of obligations an incident can be put under', () => {
  it('when all in force are enabled, then proposed regimes and those disabled by default are not', () => {
    const catalog = buildClockCatalog(regimes, null, [enterprise], 'Europe/London');
    expect(catalog.entries.get('gdpr')).toMatchObject({ kind: 'law', enabled: true });
    expect(catalog.entries.get('circia')).toMatchObject({ kind: 'law', enabled: false });
    expect(catalog.entries.get('contract:enterprise')).toMatchObject({ kind: 'contract', enabled: true });
  });

  it('when a list is enabled, then only those laws apply, and a proposed one is still refused', () => {
    const catalog = buildClockCatalog(regimes, ['gdpr', 'circia'], [], 'UTC');
    expect(requireApplicable(catalog, 'gdpr').regime.id).toBe('gdpr');
    expect(() => requireApplicable(catalog, 'nis2')).toThrow('is not enabled here');
    expect(() => requireApplicable(catalog, 'circia')).toThrow('is a *proposed* rule, not law yet');
    expect(() => requireApplicable(catalog, 'gpdr')).toThrow('Unknown regime `gpdr`. Available: gdpr.');
  });

  it('when the enabled list names an unknown regime, then the configuration is refused naming it', () => {
    expect(() => buildClockCatalog(regimes, ['gdpr-art33'], [], 'UTC')).toThrow('notifications.regimes.enabled: unknown regime "gdpr-art33"; known: au-ndb');
  });

  it('when a customer tier says 24h from became_aware, then its one stage is due 24 elapsed hours later', () => {
    const regime = contractRegime(enterprise, 'America/New_York');
    const [stage] = computeDeadlines(regime, { events: { became_aware: new Date('2026-03-07T12:00:00Z') } }, new Date('2026-03-07T12:00:00Z'));
    // Across the US DST change of 8 March: still 24 elapsed hours.
    expect(stage).toMatchObject({ regimeId: 'contract:enterprise', stageId: 'customers', dueKind: 'legal', status: 'open' });
    expect(stage?.due?.toISOString()).toBe('2026-03-08T12:00:00.000Z');
  });

  it('when a tier is given in minutes, then the period keeps them', () => {
    expect(contractRegime({ ...enterprise, withinMs: 90 * 60_000 }, 'UTC').stages[0]?.offset?.text).toBe('PT90M');
  });
});

describe('loading the catalog at start-up', () => {
  it('when a company regime file is invalid, then start-up stops naming the file and line', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { parseConfig } = await import('../../../../../src/config/index.js');
    const { loadClockCatalog } = await import('../../../../../src/config/index.js');
    const dir = mkdtempSync(join(tmpdir(), 'warden-regimes-'));
    try {
      writeFileSync(join(dir, 'acme.yaml'), 'id: acme\nname: Acme policy\nstatus: maybe\n');
      const config = parseConfig({ notifications: { regimes: { extraDirs: [dir] } } });
      expect(() => loadClockCatalog(config)).toThrow('the regime catalog is invalid:\n');
      expect(() => loadClockCatalog(config)).toThrow(`${join(dir, 'acme.yaml')}:3 status: expected one of in_force, proposed`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
