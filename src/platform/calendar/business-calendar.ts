/**
 * Working days of a jurisdiction: Monday to Friday minus the public holidays (type `public`, including
 * substitute days) of a date-holidays calendar such as `US`, `US-CO`, `SG` or `DE-BY`. Observances,
 * optional and bank-only days do not count as holidays. Lookups are cached per calendar and year: this
 * runs for every stage of every open incident on each scheduler tick. The library loads at the first lookup.
 */
import type Holidays from 'date-holidays';
import { holidaysLibrary } from './holiday-catalogue.js';
import { HOLIDAY_CODES } from './holiday-codes.js';

const instances = new Map<string, Holidays>();
const yearSets = new Map<string, ReadonlySet<string>>();

/**
 * True when `code` names a country (and, if given, a state and region) that date-holidays knows. Read from the
 * generated list of its codes: validating a configuration does not load the library.
 */
export function isKnownHolidayCalendar(code: string): boolean {
  const [country, state, region, ...rest] = code.split('-');
  if (!country || rest.length > 0) return false;
  const states = Object.hasOwn(HOLIDAY_CODES, country) ? HOLIDAY_CODES[country] : undefined;
  if (!states) return false;
  if (state === undefined) return true;
  const regions = Object.hasOwn(states, state) ? states[state] : undefined;
  if (!regions) return false;
  return region === undefined || regions.includes(region);
}

function holidaysFor(code: string): Holidays {
  let hd = instances.get(code);
  if (!hd) {
    const Library = holidaysLibrary();
    const [country = '', state, region] = code.split('-');
    hd = region ? new Library(country, state ?? '', region) : state ? new Library(country, state) : new Library(country);
    instances.set(code, hd);
  }
  return hd;
}

/** The public holidays of one calendar year as `YYYY-MM-DD` local dates. */
export function publicHolidays(code: string, year: number): ReadonlySet<string> {
  const key = `${code}:${year}`;
  let set = yearSets.get(key);
  if (!set) {
    const list = holidaysFor(code).getHolidays(year) || [];
    set = new Set(list.filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    yearSets.set(key, set);
  }
  return set;
}

/** A local calendar date: what a wall calendar in the jurisdiction shows. */
export interface LocalDate {
  readonly year: number;
  /** 1-12 */
  readonly month: number;
  readonly day: number;
  /** 0 = Sunday ... 6 = Saturday */
  readonly weekday: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** True for Monday to Friday when the day is not a public holiday of `code`. */
export function isWorkingDay(date: LocalDate, code: string): boolean {
  if (date.weekday === 0 || date.weekday === 6) return false;
  return !publicHolidays(code, date.year).has(`${date.year}-${pad(date.month)}-${pad(date.day)}`);
}
