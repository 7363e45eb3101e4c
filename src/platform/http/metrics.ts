import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { JobRepo } from '../jobs/job-repo.js';
import { createDeliveryCounters, createSecurityCounters } from './counters.js';

/** What the gauges read at scrape time. */
export interface MetricsSources {
  /** How many incidents not yet closed each severity has, drills left out (severities with none may be left out). */
  openBySeverity(): Readonly<Record<string, number>>;
  jobs: Pick<JobRepo, 'pendingCount' | 'failedCount'>;
}

/**
 * Prometheus metrics for one Warden process, on its own registry (no global state). Gauges are read
 * from the database at scrape time, so they are right after a restart too. `severities` are the
 * configured ones, most severe first. `counters` are bumped by the Slack adapter as requests are refused.
 */
export function createMetrics(store: MetricsSources, slackCircuit: () => string, severities: readonly string[]) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'warden_process_' });
  new Gauge({
    name: 'warden_incidents_open',
    help: 'Incidents not yet closed, by severity; drills (tabletop exercises) are excluded.',
    labelNames: ['severity'],
    registers: [registry],
    collect() {
      const open = store.openBySeverity();
      // Every configured severity has a series (0 when none is open); a severity no longer configured
      // shows up while incidents still have it.
      const shown = [...new Set([...severities, ...Object.keys(open)])];
      this.reset();
      for (const s of shown) this.set({ severity: s }, open[s] ?? 0);
    },
  });
  new Gauge({
    name: 'warden_jobs_pending',
    help: 'Durable jobs waiting to run (reminders, nags, outbound Slack calls).',
    registers: [registry],
    collect() {
      this.set(store.jobs.pendingCount());
    },
  });
  new Gauge({
    name: 'warden_jobs_failed',
    help: 'Durable jobs that failed for good and need an operator.',
    registers: [registry],
    collect() {
      this.set(store.jobs.failedCount());
    },
  });
  new Gauge({
    name: 'warden_slack_circuit_open',
    help: '1 while the circuit breaker in front of the Slack Web API is open.',
    registers: [registry],
    collect() {
      this.set(slackCircuit() === 'open' ? 1 : 0);
    },
  });
  const counters = createSecurityCounters(registry);
  const deliveries = createDeliveryCounters(registry);
  return { contentType: registry.contentType, render: () => registry.metrics(), counters, deliveries, registry };
}
