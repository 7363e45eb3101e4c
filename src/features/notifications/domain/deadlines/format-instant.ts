/** Display helpers for deadlines: UTC plus the jurisdiction's wall clock, and time left. */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';

/** `2025-03-04 11:00 +01:00 Europe/Brussels`: the jurisdiction's wall clock with its UTC offset. */
export function formatLocal(at: Date, zone: string): string {
  return `${format(new TZDate(at.getTime(), zone), 'yyyy-MM-dd HH:mm xxx')} ${zone}`;
}

/** `2025-03-04T10:00:00Z`: UTC, second precision (deadlines never need milliseconds on screen). */
export function formatUtc(at: Date): string {
  return `${at.toISOString().slice(0, 19)}Z`;
}

/** `2d 3h 5m` left, or `overdue by 1h 2m`. */
export function formatTimeLeft(ms: number): string {
  const abs = Math.abs(ms);
  const minutes = Math.floor(abs / 60_000);
  const parts: string[] = [];
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) parts.push(`${d}d`);
  if (h > 0) parts.push(`${h}h`);
  if (m > 0 || parts.length === 0) parts.push(`${m}m`);
  return ms < 0 ? `overdue by ${parts.join(' ')}` : `${parts.join(' ')} left`;
}
