import type { WardenFeature } from '../../../adapters/slack/feature-core.js';
import type { ClockCatalog } from '../../notifications/index.js';
import type { DigestRunDeps, DigestSchedule } from '../app/run-digest.js';
import { scheduleDigests } from '../app/run-digest.js';
import { digestRunRepo } from '../store/digest-runs.js';
import { digestSourcesOf, type DigestReadPorts } from '../store/digest-sources.js';
import { migrations } from '../store/migrations.js';
import { digestJobs } from './digest-jobs.js';
import { digestVerb } from './digest-verb.js';

export type { DigestSchedule } from '../app/run-digest.js';

export interface DigestsOptions extends DigestReadPorts {
  digests: readonly DigestSchedule[];
  /** The legal clock catalog: the deadlines section computes each open incident's stages with it. */
  clockCatalog: ClockCatalog;
}

/** Digests on their cron schedule per channel, and `/warden digest` (ephemeral, now). */
export function digestsFeature(opts: DigestsOptions): WardenFeature {
  return {
    name: 'digests',
    migrations,
    plug(core) {
      const deps: DigestRunDeps = { store: core.deps.store, clock: core.deps.clock, runs: digestRunRepo(core.db), digests: opts.digests };
      const severities = core.deps.policy.severities.map((s) => s.id);
      const sources = digestSourcesOf(core.db, core.deps.store, opts.clockCatalog, severities, opts);
      // Start-up: each digest's next run is a durable job (queued once, whatever the number of restarts).
      scheduleDigests(deps);
      return { commands: { '/warden': [digestVerb(opts.digests, sources)] }, jobs: digestJobs(deps, sources, core.slack) };
    },
  };
}
