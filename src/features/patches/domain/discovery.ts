/** When a finding was discovered, as typed (`--discovered 2026-11-20`): a company-zone date, or now. Pure. */
import { TZDate } from '@date-fns/tz';
import { localDay } from '../../../platform/calendar/working-days.js';

export const DISCOVERED_FORMS = 'a date YYYY-MM-DD (the start of that day in the company zone), today or earlier';

export type DiscoveryParse = { ok: true; at: Date } | { ok: false; reason: string };

/** The discovery instant of a typed date, or why it cannot be one (unreadable, not a real date, in the future). */
export function parseDiscovered(typed: string | null, now: Date, zone: string): DiscoveryParse {
  if (typed === null) return { ok: true, at: now };
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typed.trim());
  if (!m) return { ok: false, reason: `\`${typed.slice(0, 40)}\` is not a discovery date: ${DISCOVERED_FORMS}.` };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new TZDate(y, mo - 1, d, 0, 0, 0, zone);
  if (at.getFullYear() !== y || at.getMonth() !== mo - 1 || at.getDate() !== d) return { ok: false, reason: `${typed} is not a calendar date.` };
  if (typed.trim() > localDay(now, zone)) return { ok: false, reason: `The discovery date ${typed} is in the future (today is ${localDay(now, zone)} in ${zone}).` };
  return { ok: true, at: new Date(at.getTime()) };
}
