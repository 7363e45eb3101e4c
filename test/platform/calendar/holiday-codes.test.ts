import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isKnownHolidayCalendar, publicHolidays } from '../../../src/platform/calendar/business-calendar.js';
import { catalogueOf, holidaysLibrary } from '../../../src/platform/calendar/holiday-catalogue.js';
import { HOLIDAY_CODES } from '../../../src/platform/calendar/holiday-codes.js';
import { renderHolidayCodes } from '../../../src/platform/calendar/render-holiday-codes.js';
import { repoPath } from '../../support/repo-path.js';

describe('the holiday calendar codes Warden checks without loading date-holidays', () => {
  it('the committed holiday-codes.ts is exactly what scripts/gen-holiday-catalogue.ts writes for the installed date-holidays', () => {
    expect(readFileSync(repoPath('src/platform/calendar/holiday-codes.ts'), 'utf8')).toBe(renderHolidayCodes());
  });

  it('knows every country, state and region the library knows, and nothing else', () => {
    const library = new (holidaysLibrary())();
    const catalogue = catalogueOf(holidaysLibrary());
    expect(Object.keys(catalogue).length).toBeGreaterThan(150);
    for (const [country, states] of Object.entries(catalogue)) {
      expect(isKnownHolidayCalendar(country), country).toBe(true);
      for (const [state, regions] of Object.entries(states)) {
        expect(isKnownHolidayCalendar(`${country}-${state}`), `${country}-${state}`).toBe(true);
        for (const region of regions) expect(isKnownHolidayCalendar(`${country}-${state}-${region}`)).toBe(true);
        expect(Object.keys(library.getRegions(country, state) ?? {}).sort()).toEqual(regions);
      }
    }
  });

  it.each(['', 'us', 'XX', 'US-XX', 'US-CO-XX', 'DE-BY-A-B', 'US-', '-CO', 'toString', 'US-toString', 'hasOwnProperty'])('refuses %j', (code) => {
    expect(isKnownHolidayCalendar(code)).toBe(false);
  });

  it('accepts the codes the shipped regimes and the docs use', () => {
    for (const code of ['US', 'US-CO', 'SG', 'DE-BY', 'FR', 'GB', 'AU-NSW']) expect(isKnownHolidayCalendar(code), code).toBe(true);
    expect(HOLIDAY_CODES.US?.CO).toBeDefined();
  });

  it('still reads the holidays from the library once one is looked up', () => {
    expect(publicHolidays('US', 2026).has('2026-07-03')).toBe(true); // Independence Day observed (a Saturday)
    expect(publicHolidays('US', 2026).has('2026-07-06')).toBe(false);
  });

  it('checking codes leaves the library unloaded; the first holiday lookup loads it', () => {
    const script = [
      "import { createRequire } from 'node:module';",
      "const m = await import('./src/platform/calendar/business-calendar.ts');",
      "const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('/node_modules/date-holidays/'));",
      "const checked = m.isKnownHolidayCalendar('US-CO') && m.isKnownHolidayCalendar('FR');",
      'const before = loaded();',
      "m.publicHolidays('FR', 2026);",
      'console.log(JSON.stringify({ checked, before, after: loaded() }));',
    ].join('\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoPath('.'), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ checked: true, before: false, after: true });
  });
});
