import type { Period } from '../domain/period.js';
import { responseMetrics, type ResponseMetrics } from '../domain/response-times.js';
import type { ResponseTimesSource } from './ports.js';

/** MTTA, MTTR and time to legal submission of the incidents declared in `period`, severities in configured order. */
export function responseMetricsFor(source: ResponseTimesSource, period: Period, severities: readonly string[]): ResponseMetrics {
  return responseMetrics(source.declaredIn(period), severities);
}
