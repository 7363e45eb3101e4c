/** Response metrics: MTTA, MTTR and time to each legal submission, per severity, over a period. */
export { metricsFeature } from './metrics-feature.js';
export { migrations } from './store/migrations.js';
export { responseTimesRead } from './store/response-times-read.js';
export { responseMetricsFor } from './app/response-metrics-for.js';
export { parsePeriod, type Period } from './domain/period.js';
export { metricsJson, metricsText } from './domain/metrics-report.js';
