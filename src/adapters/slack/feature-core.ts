import type { Db } from '../../platform/db/db.js';
import type { Feature } from '../../platform/feature.js';
import type { SlackDeps } from './commands/registry.js';
import type { SlackGateway } from './gateway.js';
import type { HomeSections } from './home.js';

/**
 * What the composition root hands every feature's `plug`: the use cases' shared ports, the Slack gateway for
 * its jobs, and the database handle to build its own repositories on (never passed on to a use case).
 */
export interface FeatureCore {
  deps: SlackDeps;
  slack: SlackGateway;
  db: Db;
  /** App Home sections of every feature; the incident core renders them after its own lists. */
  home: HomeSections;
}

export type WardenFeature = Feature<FeatureCore>;
