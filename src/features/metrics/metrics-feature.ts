import type { Registry } from 'prom-client';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/db.js';
import type { Feature } from '../../platform/feature.js';
import { BUCKET_COUNT, cachedWindow, registerResponseSeries } from './app/prometheus-series.js';
import { migrations } from './store/migrations.js';
import { responseHistogramsRead } from './store/response-histograms-read.js';

/** What this feature needs of the shared core: the database to read and the clock that sets the window. */
export interface MetricsCore {
  db: Db;
  deps: { clock: Clock };
}

/** Response metrics (MTTA, MTTR, time to legal submission): histograms on `/metrics`; `warden metrics` prints them. */
export function metricsFeature(): Feature<MetricsCore> {
  return {
    name: 'metrics',
    migrations,
    plug: (core) => ({
      metrics: (registry: Registry) => registerResponseSeries(registry, cachedWindow(responseHistogramsRead(core.db, BUCKET_COUNT), core.deps.clock)),
    }),
  };
}
