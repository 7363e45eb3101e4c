/**
 * When an action item falls due, from what its owner typed: a date (`2026-12-15`: the end of that day, 23:59,
 * in the company's zone), a local date and time (`2026-12-15T14:00`, or `2026-12-15 14:00`), an instant with
 * its offset (`2026-12-15T14:00Z`, `...+01:00`), or a count of days or weeks from now (`+3d`, `+2w`, counted
 * on the calendar of the zone, so `+1d` keeps the wall-clock time across a DST change). Pure: `now` is given.
 */
import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';

export type DueParse = { ok: true; at: Date } | { ok: false; reason: string };

/** Further ahead than this is a typo (a year off), not a plan: refused. */
export const MAX_DAYS_AHEAD = 3 * 366;
const DAY_MS = 86_400_000;

const RELATIVE = /^\+(\d+)([dw])$/i;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2}))?$/;
const WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})$/i;

export const DUE_FORMS = '`2026-12-15` (end of that day), `2026-12-15T14:00`, `+3d` or `+2w`';

const refuse = (reason: string): DueParse => ({ ok: false, reason });

/** Parses a due time; refuses an unreadable one, an impossible date, a local time a DST change skips, and one not in the future. */
export function parseDue(typed: string, now: Date, zone: string): DueParse {
  const text = typed.trim();
  if (!text) return refuse(`Missing the due date: use ${DUE_FORMS}.`);
  const parsed = relative(text, now, zone) ?? withOffset(text) ?? local(text, zone) ?? refuse(`\`${text.slice(0, 40)}\` is not a due date: use ${DUE_FORMS}.`);
  if (!parsed.ok) return parsed;
  if (parsed.at.getTime() <= now.getTime()) return refuse(`That due time (${parsed.at.toISOString().slice(0, 16).replace('T', ' ')} UTC) is not in the future; an action item is due later than now.`);
  if (parsed.at.getTime() - now.getTime() > MAX_DAYS_AHEAD * DAY_MS) return refuse(`That due date is more than ${Math.floor(MAX_DAYS_AHEAD / 366)} years away; pick a nearer one.`);
  return parsed;
}

function relative(text: string, now: Date, zone: string): DueParse | null {
  const m = RELATIVE.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  const days = m[2]?.toLowerCase() === 'w' ? n * 7 : n;
  if (days === 0) return refuse(`\`${text}\` is now, not later: use \`+1d\` or more.`);
  if (days > MAX_DAYS_AHEAD) return refuse(`\`${text}\` is more than ${Math.floor(MAX_DAYS_AHEAD / 366)} years away; pick a nearer date.`);
  return { ok: true, at: new Date(addDays(new TZDate(now.getTime(), zone), days).getTime()) };
}

function withOffset(text: string): DueParse | null {
  const m = WITH_OFFSET.exec(text);
  if (!m) return null;
  const at = new Date(text.toUpperCase());
  if (!sameDate(Number(m[1]), Number(m[2]), Number(m[3])) || Number(m[4]) > 23 || Number(m[5]) > 59 || Number.isNaN(at.getTime())) {
    return refuse(`\`${text}\` is not a real date and time.`);
  }
  return { ok: true, at };
}

function local(text: string, zone: string): DueParse | null {
  const m = LOCAL.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const timed = m[4] !== undefined;
  const [h, mi] = timed ? [Number(m[4]), Number(m[5])] : [23, 59];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || !sameDate(y, mo, d)) return refuse(`${m[1]}-${m[2]}-${m[3]} is not a date on the calendar.`);
  if (h > 23 || mi > 59) return refuse(`${m[4]}:${m[5]} is not a time of day (00:00 to 23:59).`);
  const t = new TZDate(y, mo - 1, d, h, mi, 0, 0, zone);
  if (t.getHours() !== h || t.getMinutes() !== mi || t.getDate() !== d) {
    return refuse(`${String(h).padStart(2, '0')}:${m[5]} does not exist on ${m[1]}-${m[2]}-${m[3]} in ${zone} (the clocks move forward); pick another time.`);
  }
  return { ok: true, at: new Date(t.getTime()) };
}

/** True when the day exists in that month (no 30 February). */
function sameDate(y: number, mo: number, d: number): boolean {
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}
