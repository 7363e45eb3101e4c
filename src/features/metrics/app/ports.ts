import type { Period } from '../domain/period.js';
import type { IncidentTimes } from '../domain/response-times.js';
import type { SeriesCounts } from '../domain/window-counts.js';

/** Reads what the response metrics need of the incidents declared in a period (store/response-times-read.ts). */
export interface ResponseTimesSource {
  declaredIn(period: Period): IncidentTimes[];
}

/** The response histograms' counts over a period, drills left out, summed by the store (store/response-histograms-read.ts). */
export interface ResponseHistogramSource {
  countsIn(period: Period): SeriesCounts[];
}
