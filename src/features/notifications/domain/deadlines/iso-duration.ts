/**
 * ISO 8601 durations as the regime catalog writes them (`PT72H`, `P3D`, `P1M`, `P2W`). Whole numbers only:
 * legal periods are never fractional, and a fraction would hide a unit mistake.
 */
export interface IsoDuration {
  readonly text: string;
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
  /** Which kinds of designator the text uses, so `P0D` still counts as a day duration. */
  readonly units: { readonly time: boolean; readonly days: boolean; readonly months: boolean };
}

const ISO = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Parses `PT72H`, `P30D`, `P1M` ... Returns null for anything else (including `P`, `PT` and fractions). */
export function parseIsoDuration(text: string): IsoDuration | null {
  const t = text.trim();
  const m = ISO.exec(t);
  if (!m || t.endsWith('T')) return null;
  const g = m.slice(1, 8);
  if (g.every((x) => x === undefined)) return null;
  const n = (i: number): number => (g[i] === undefined ? 0 : Number(g[i]));
  return {
    text: t,
    years: n(0),
    months: n(1),
    weeks: n(2),
    days: n(3),
    hours: n(4),
    minutes: n(5),
    seconds: n(6),
    units: {
      months: g[0] !== undefined || g[1] !== undefined,
      days: g[2] !== undefined || g[3] !== undefined,
      time: g[4] !== undefined || g[5] !== undefined || g[6] !== undefined,
    },
  };
}

/** Milliseconds of the time part (hours, minutes, seconds). */
export function timePartMs(d: IsoDuration): number {
  return ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000;
}
