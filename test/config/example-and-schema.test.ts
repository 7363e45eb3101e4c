import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderConfigJsonSchema } from '../../src/config/json-schema.js';
import { defaultConfig, loadConfig } from '../../src/config/load-config.js';
import { repoPath } from '../support/repo-path.js';

const repoFile = (name: string) => repoPath(name);

describe('warden.schema.json and warden.example.yaml', () => {
  it('the committed JSON Schema is exactly what scripts/gen-config-schema.ts generates', () => {
    expect(readFileSync(repoFile('warden.schema.json'), 'utf8')).toBe(renderConfigJsonSchema());
  });

  it('the JSON Schema refuses unknown keys and shows defaults, as an editor needs', () => {
    const schema = JSON.parse(renderConfigJsonSchema()) as {
      additionalProperties: boolean;
      properties: Record<string, { default?: unknown; properties?: Record<string, { default?: unknown }> }>;
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.timeZone?.default).toBe('UTC');
    expect(schema.properties.nags?.properties?.every?.default).toBe('4h');
    expect(Object.keys(schema.properties)).toEqual(Object.keys(defaultConfig()));
  });

  it('the example file points editors at the schema on its first line', () => {
    const firstLine = readFileSync(repoFile('warden.example.yaml'), 'utf8').split('\n')[0];
    expect(firstLine).toBe('# yaml-language-server: $schema=./warden.schema.json');
  });

  it('the example file loads, and sets every top-level key', () => {
    const path = repoFile('warden.example.yaml');
    const { config, source } = loadConfig(path);
    expect(source).toBe('file');
    expect(config.timeZone).toBe('Europe/Paris');
    expect(config.permissions.approvers).toEqual(['U0123ABCDE', 'U0456FGHIJ']);
    const text = readFileSync(path, 'utf8');
    for (const key of Object.keys(defaultConfig())) expect(text).toMatch(new RegExp(`^${key}:`, 'm'));
  });

  it('the example file sets every key the schema knows, nested ones included', () => {
    const text = readFileSync(repoFile('warden.example.yaml'), 'utf8');
    const missing = keysOf(JSON.parse(renderConfigJsonSchema())).filter((key) => !new RegExp(`\\b${key}:`).test(text));
    expect(missing).toEqual([]);
  });
});

/** Every property name in a JSON Schema, through nested objects, arrays and alternatives. */
function keysOf(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as { properties?: Record<string, unknown>; items?: unknown; anyOf?: unknown[] };
  const own = Object.entries(node.properties ?? {}).flatMap(([key, child]) => [key, ...keysOf(child)]);
  return [...own, ...keysOf(node.items), ...(node.anyOf ?? []).flatMap(keysOf)];
}
