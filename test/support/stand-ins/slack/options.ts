/** How a test configures the Slack stand-in and seeds its workspace. */
import type { Clock } from '../../../../src/platform/clock.js';
import type { StandInUser } from './identity.js';
import type { NewChannel } from './state.js';

export interface SeedChannel extends NewChannel {
  /** False leaves the bot out of the channel (whatever `members` says); true by default. */
  botJoined?: boolean;
}

export interface SlackStandInOptions {
  token?: string;
  port?: number;
  /** Added to (and overriding) DEFAULT_USERS. */
  users?: Record<string, StandInUser>;
  /** Drives message timestamps, `created` and recorded `at`; the system clock by default. */
  clock?: Clock;
  /**
   * Measures trigger ages (Slack's 3 s). The system clock by default even when `clock` is a ManualClock:
   * Slack counts real seconds between its request and views.open, and a test's ManualClock stands still or
   * jumps by hours, which would make every trigger immortal or dead. Tests of the expiry itself pass one.
   */
  triggerClock?: Clock;
  /**
   * Slack's per-method tiers (see rate-limits.ts); on by default. Turn off only in tests that blast calls on
   * purpose (benchmarks, load), and say why where you do.
   */
  rateLimits?: boolean;
  /** The Enterprise Grid org the workspace belongs to: auth.test answers it as `enterprise_id`. None by default. */
  enterpriseId?: string;
}
