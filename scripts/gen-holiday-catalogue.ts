// Writes src/platform/calendar/holiday-codes.ts: the calendar codes the installed date-holidays knows, so that
// checking a `holidays:` code does not load the library. Run after upgrading date-holidays:
// `npx tsx scripts/gen-holiday-catalogue.ts`. A test fails when the file is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderHolidayCodes } from '../src/platform/calendar/render-holiday-codes.js';

const target = fileURLToPath(new URL('../src/platform/calendar/holiday-codes.ts', import.meta.url));
writeFileSync(target, renderHolidayCodes());
console.log(`wrote ${target}`);
