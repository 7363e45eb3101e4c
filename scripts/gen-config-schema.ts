// Writes warden.schema.json (the JSON Schema editors use for warden.yaml) from the zod schema.
// Run after changing src/config/schema*.ts: `npx tsx scripts/gen-config-schema.ts`. A test fails when it is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CONFIG_JSON_SCHEMA_FILE, renderConfigJsonSchema } from '../src/config/json-schema.js';

const target = fileURLToPath(new URL(`../${CONFIG_JSON_SCHEMA_FILE}`, import.meta.url));
writeFileSync(target, renderConfigJsonSchema());
console.log(`wrote ${target}`);
