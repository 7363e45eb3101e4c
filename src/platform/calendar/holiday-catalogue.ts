/**
 * The calendars date-holidays knows, as codes: what validating a `holidays:` code needs without loading the
 * library, whose data for 200 countries (and the astronomy and time-zone libraries it brings) is 7.7 MB of heap
 * that every major GC marks. It loads when a holiday is first looked up (business-calendar.ts).
 */
import type HolidaysLibrary from 'date-holidays';
import { loadOnUse } from '../load-on-use.js';

/** Country code, then state code, then the state's region codes. */
export type HolidayCatalogue = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

/** The catalogue as the installed date-holidays reports it (loads the library). */
export function catalogueOf(library: typeof HolidaysLibrary): HolidayCatalogue {
  const hd = new library();
  const sorted = (o: Record<string, string> | undefined) => Object.keys(o ?? {}).sort();
  const catalogue: Record<string, Record<string, string[]>> = {};
  for (const country of sorted(hd.getCountries())) {
    const states: Record<string, string[]> = {};
    for (const state of sorted(hd.getStates(country))) states[state] = sorted(hd.getRegions(country, state));
    catalogue[country] = states;
  }
  return catalogue;
}

/** date-holidays, required the first time it is needed. */
export const holidaysLibrary = loadOnUse<typeof HolidaysLibrary>('date-holidays', import.meta.url);
