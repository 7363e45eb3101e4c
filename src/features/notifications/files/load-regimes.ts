/**
 * Loads the regime catalog: every `*.yaml` / `*.yml` file in each directory, in order. The project ships
 * `regimes/`; a company adds its own directories after it. A regime id defined again in a LATER directory
 * replaces the earlier one (so a company can, say, set DORA's holiday calendar to its Member State); the
 * same id twice in one directory is a problem.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Regime } from '../domain/deadlines/regime.js';
import { parseYamlWith, type YamlProblem, type YamlResult } from '../../../platform/yaml-validate.js';
import { regimeFileSchema } from './regime-schema.js';

export interface RegimeCatalog {
  /** Regimes by id, sorted by id. */
  readonly regimes: ReadonlyMap<string, Regime>;
  /** The file each regime came from. */
  readonly files: ReadonlyMap<string, string>;
}

export type CatalogResult = { ok: true; catalog: RegimeCatalog } | { ok: false; problems: YamlProblem[] };

/** Validates one regime file's text; problems carry file, line, path and what was expected. */
export function parseRegimeFile(text: string, file: string): YamlResult<Regime> {
  return parseYamlWith(regimeFileSchema, text, file);
}

/** Loads and validates every regime file in `dirs`. Any problem in any file fails the whole catalog. */
export function loadRegimeCatalog(dirs: readonly string[]): CatalogResult {
  const problems: YamlProblem[] = [];
  const regimes = new Map<string, Regime>();
  const files = new Map<string, string>();
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      problems.push({ file: dir, line: null, path: '', message: 'regime directory not found' });
      continue;
    }
    const inThisDir = new Map<string, string>();
    for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
      const file = join(dir, name);
      const text = readFileSync(file, 'utf8');
      const result = parseRegimeFile(text, file);
      if (!result.ok) {
        problems.push(...result.problems);
        continue;
      }
      const id = result.value.id;
      const first = inThisDir.get(id);
      if (first) {
        problems.push({ file, line: lineOfId(text), path: 'id', message: `regime id "${id}" is already defined in ${first}` });
        continue;
      }
      inThisDir.set(id, file);
      regimes.set(id, result.value);
      files.set(id, file);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const sorted = new Map([...regimes.entries()].sort(([a], [b]) => a.localeCompare(b)));
  return { ok: true, catalog: { regimes: sorted, files } };
}

function lineOfId(text: string): number | null {
  const i = text.split('\n').findIndex((l) => /^id\s*:/.test(l));
  return i >= 0 ? i + 1 : null;
}
