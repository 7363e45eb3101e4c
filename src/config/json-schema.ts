import { z } from 'zod';
import { wardenConfigSchema } from './schema.js';

export const CONFIG_JSON_SCHEMA_FILE = 'warden.schema.json';

/**
 * The JSON Schema of warden.yaml as editors see it (what a person may write, defaults included), for the
 * `# yaml-language-server: $schema=./warden.schema.json` line. Draft-07 because most editors support it.
 * Rules that JSON Schema cannot express (zero durations, duplicate names, time zones) are checked by
 * `warden config check`.
 */
export function renderConfigJsonSchema(): string {
  const schema = z.toJSONSchema(wardenConfigSchema, { io: 'input', target: 'draft-07', unrepresentable: 'any' });
  const titled = { ...schema, title: 'warden.yaml', description: 'Configuration of Warden. Every key is optional.' };
  return `${JSON.stringify(titled, null, 2)}\n`;
}
