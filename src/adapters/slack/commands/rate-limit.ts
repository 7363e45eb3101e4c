import type { LimitScope, SecurityCounters } from '../../../platform/http/counters.js';
import type { Logger } from '../../../platform/jobs/runner.js';
import { createBucketCache, type LimitedKey } from './bucket-cache.js';

/** warden.yaml `limits`. */
export interface CommandLimits {
  commandsPerUserPerMinute: number;
  commandBurstPerUser: number;
  commandsPerWorkspacePerMinute: number;
}

export interface CommandLimiterDeps {
  counters: Pick<SecurityCounters, 'commandRateLimited'>;
  logger: Logger;
  /**
   * Monotonic milliseconds for the bookkeeping. limiter's buckets read `performance.now()` themselves (they take
   * no clock), so limits follow real time, not the Clock tests move: a refill cannot be faked.
   */
  nowMs?: () => number;
}

/** Checks a slash command against the person's and the workspace's token buckets before anything runs. */
export function createCommandLimiter(limits: CommandLimits, deps: CommandLimiterDeps) {
  const nowMs = deps.nowMs ?? (() => performance.now());
  const users = createBucketCache({ size: limits.commandBurstPerUser, perMinute: limits.commandsPerUserPerMinute }, nowMs);
  const workspaces = createBucketCache({ size: limits.commandsPerWorkspacePerMinute, perMinute: limits.commandsPerWorkspacePerMinute }, nowMs);

  function refuse(scope: LimitScope, entry: LimitedKey, userId: string, teamId: string): string {
    const seconds = Math.max(1, Math.ceil(entry.bucket.getWaitTime(1) / 1000));
    deps.counters.commandRateLimited(scope);
    deps.logger.warn({ scope, user: userId, team: teamId, retryInSeconds: seconds }, 'slash command over the rate limit');
    return scope === 'user'
      ? `:hourglass: You have sent ${entry.recent.length} commands in the last minute; Warden allows ${limits.commandsPerUserPerMinute} a minute per person (at most ${limits.commandBurstPerUser} in a row). Try again in ${seconds} s.`
      : `:hourglass: This workspace has sent ${entry.recent.length} commands in the last minute; Warden allows ${limits.commandsPerWorkspacePerMinute} a minute for everyone together. Try again in ${seconds} s.`;
  }

  return {
    /** Null when the command may run (its tokens are taken); otherwise the ephemeral answer to give instead. */
    check(userId: string, teamId: string): string | null {
      const user = users.get(`${teamId}:${userId}`);
      const workspace = workspaces.get(teamId);
      if (user.bucket.getWaitTime(1) > 0) return refuse('user', user, userId, teamId);
      if (workspace.bucket.getWaitTime(1) > 0) return refuse('workspace', workspace, userId, teamId);
      user.bucket.tryRemoveTokens(1);
      workspace.bucket.tryRemoveTokens(1);
      const now = nowMs();
      user.recent.push(now);
      workspace.recent.push(now);
      return null;
    },
  };
}

export type CommandLimiter = ReturnType<typeof createCommandLimiter>;
