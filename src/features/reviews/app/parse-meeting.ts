import { TZDate } from '@date-fns/tz';
import { WardenError } from '../../../platform/errors.js';
import { parseClockTime } from '../../notifications/index.js';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A review meeting given as a date alone starts at this local time. */
const DEFAULT_HOUR = 10;

export const MEETING_HINT = 'Give a date (`2026-12-04`, at 10:00 your time) or a date and time (`2026-12-04 14:30`, or ISO 8601 with an offset).';

/**
 * When the review meeting takes place, as the person typed it: read in their zone, and in the future.
 * @throws WardenError('bad_input') for an unreadable or past time.
 */
export function parseMeetingTime(text: string, zone: string, now: Date): { at: Date; dateOnly: boolean } {
  const t = text.trim();
  if (t === '') throw new WardenError('bad_input', `When is the review? ${MEETING_HINT}`);
  const date = DATE_ONLY.exec(t);
  const at = date ? localDate(date, zone, t) : readTime(t, zone, now);
  if (at.getTime() <= now.getTime()) throw new WardenError('bad_input', `${t} is in the past: a review is scheduled for a time to come. ${MEETING_HINT}`);
  return { at, dateOnly: Boolean(date) };
}

function localDate(m: RegExpExecArray, zone: string, text: string): Date {
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (year < 1970 || month < 1 || month > 12 || day < 1 || day > days) throw new WardenError('bad_input', `${text} is not a date. ${MEETING_HINT}`);
  return new Date(new TZDate(year, month - 1, day, DEFAULT_HOUR, 0, 0, zone).getTime());
}

function readTime(text: string, zone: string, now: Date): Date {
  try {
    return parseClockTime(text, zone, now).at;
  } catch {
    throw new WardenError('bad_input', `${/^[\w:+ .-]{1,40}$/.test(text) ? `\`${text}\`` : 'That'} is not a time I can read. ${MEETING_HINT}`);
  }
}
