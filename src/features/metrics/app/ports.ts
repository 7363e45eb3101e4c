import type { Period } from '../domain/period.js';
import type { IncidentTimes } from '../domain/response-times.js';

/** Reads what the response metrics need of the incidents declared in a period (store/response-times-read.ts). */
export interface ResponseTimesSource {
  declaredIn(period: Period): IncidentTimes[];
}
