import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CHANNEL_KINDS, EVENT_SCOPES, HELPER_METHODS, METHOD_SCOPES, requiredScopes } from '../src/adapters/slack/scopes.js';

const manifest = parse(readFileSync('manifest.yml', 'utf8')) as {
  features: { slash_commands: { command: string; should_escape?: boolean }[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean } };
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/**
 * Every `client.ns.method(` / `c.ns.method(` call in the shipped code (the stand-in is not shipped to Slack),
 * and the methods behind each WebClient helper it calls (`slack.filesUploadV2(`).
 */
function methodsCalled(): Set<string> {
  const calls = new Set<string>();
  const pattern = /\b(?:client|c|slack)\.(chat|conversations|pins|users|views|auth|reactions|usergroups|team|files)\.(\w+)\(/g;
  const helpers = /\b(?:client|c|slack)\.(\w+)\(/g;
  for (const file of sourceFiles('src')) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(pattern)) calls.add(`${m[1]}.${m[2]}`);
    for (const m of text.matchAll(helpers)) if (Object.hasOwn(HELPER_METHODS, m[1] ?? '')) for (const method of HELPER_METHODS[m[1] ?? ''] ?? []) calls.add(method);
  }
  return calls;
}

/** The channel kinds the shipped code works in: private ones only if it creates them (`is_private`). */
function channelKindsUsed(): string[] {
  const createsPrivate = sourceFiles('src').some((file) => /\bis_private: true\b/.test(readFileSync(file, 'utf8')));
  return createsPrivate ? ['public', 'private'] : ['public'];
}

describe('manifest.yml', () => {
  it('validates against Slack’s published manifest schema', () => {
    const schema = JSON.parse(readFileSync('schemas/slack-manifest.schema.1.0.0.json', 'utf8')) as object;
    const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
    const validate = ajv.compile(schema);
    expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
  });

  it('registers the four slash commands of the contract, with escaping on so mentions arrive as ids', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/incident', '/patch', '/access-review', '/warden']);
    expect(manifest.features.slash_commands.every((c) => c.should_escape)).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('asks for exactly the scopes the code needs: no more, no fewer', () => {
    const used = methodsCalled();
    expect([...used].filter((m) => !(m in METHOD_SCOPES)), 'methods called without a scope mapping').toEqual([]);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(requiredScopes(used));
  });

  it('asks for the private-channel (groups:*) scopes because, and only while, the code creates private channels', () => {
    expect([...CHANNEL_KINDS]).toEqual(channelKindsUsed());
    const publicOnly = requiredScopes(methodsCalled(), ['public']);
    expect(manifest.oauth_config.scopes.bot.filter((s) => !publicOnly.includes(s)).sort()).toEqual(['groups:history', 'groups:read', 'groups:write']);
  });

  it('subscribes to exactly the events Warden handles', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(Object.keys(EVENT_SCOPES).sort());
  });
});
