// Test support: the regimes the project ships, loaded once through the real loader.
import type { Regime } from '../../../../../src/features/notifications/domain/deadlines/regime.js';
import { loadRegimeCatalog } from '../../../../../src/features/notifications/files/load-regimes.js';
import { repoPath } from '../../../../support/repo-path.js';

export const SHIPPED_REGIMES_DIR = repoPath('regimes');

const result = loadRegimeCatalog([SHIPPED_REGIMES_DIR]);

/** A shipped regime by id; throws if the catalog does not load or lacks it. */
export function shippedRegime(id: string): Regime {
  if (!result.ok) throw new Error(`shipped catalog does not load: ${JSON.stringify(result.problems)}`);
  const r = result.catalog.regimes.get(id);
  if (!r) throw new Error(`no shipped regime ${id}`);
  return r;
}

export const at = (iso: string): Date => new Date(iso);
