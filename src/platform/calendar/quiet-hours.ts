/** Quiet hours: a daily window, in a zone, in which reminders to people wait for its end. */
import { TZDate } from '@date-fns/tz';

export interface QuietHours {
  /** Local wall-clock `HH:MM` in `timeZone`; a window may cross midnight (22:00 -> 07:00). */
  readonly start: string;
  readonly end: string;
  /** IANA zone, e.g. `Europe/Berlin`. */
  readonly timeZone: string;
}

/** `at` itself when it is outside the quiet window, else the window's end (local time in the window's zone). */
export function afterQuietHours(at: Date, quiet: QuietHours): Date {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return at;
  const local = new TZDate(at.getTime(), quiet.timeZone);
  const m = local.getHours() * 60 + local.getMinutes();
  const crossesMidnight = start > end;
  const quietNow = crossesMidnight ? m >= start || m < end : m >= start && m < end;
  if (!quietNow) return at;
  // Before midnight in a window that crosses it, the window ends tomorrow.
  const dayOffset = crossesMidnight && m >= start ? 1 : 0;
  const endsAt = new TZDate(
    local.getFullYear(),
    local.getMonth(),
    local.getDate() + dayOffset,
    Math.floor(end / 60),
    end % 60,
    0,
    0,
    quiet.timeZone,
  );
  return new Date(endsAt.getTime());
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
