import type { WebClient } from '@slack/web-api';
import { isTimeZone } from '../../platform/config/fields.js';

/**
 * A person's Slack time zone (users.info), else `fallback` (the configured display zone). An unknown zone
 * or a failed lookup falls back too; callers say in their reply which zone they read the time in.
 */
export async function readerZone(slack: WebClient, userId: string, fallback: string): Promise<string> {
  try {
    const tz = (await slack.users.info({ user: userId })).user?.tz;
    if (tz && isTimeZone(tz)) return tz;
  } catch {
    // fall back below
  }
  return fallback;
}
