import type { Clock } from '../../../platform/clock.js';

/** Reads a Slack user group's members (`usergroups.users.list`). Rejects when Slack cannot say. */
export type GroupLookup = (groupId: string) => Promise<readonly string[]>;

type Entry = { members: ReadonlySet<string>; fetchedAt: number } | { failedAt: number; reason: string };

export interface GroupCacheOptions {
  clock: Clock;
  ttlMs: number;
  /** A lookup slower than this is a failure: the ack cannot wait for it. */
  timeoutMs?: number;
}

/**
 * Members of the user groups that grant Warden roles, trusted for `ttlMs`. A lookup that fails or times out
 * leaves the group with no members until the next one succeeds: a failure denies, it never grants.
 */
export function createGroupCache(opts: GroupCacheOptions) {
  const entries = new Map<string, Entry>();
  let lookup: GroupLookup | null = null;
  const timeoutMs = opts.timeoutMs ?? 1_500;
  const fresh = (e: Entry | undefined) => e !== undefined && 'members' in e && opts.clock.now().getTime() - e.fetchedAt < opts.ttlMs;

  async function fetch(groupId: string): Promise<void> {
    const at = opts.clock.now().getTime();
    if (!lookup) return void entries.set(groupId, { failedAt: at, reason: 'Slack is not connected yet' });
    try {
      const members = await withTimeout(lookup(groupId), timeoutMs);
      entries.set(groupId, { members: new Set(members), fetchedAt: at });
    } catch (error) {
      entries.set(groupId, { failedAt: at, reason: error instanceof Error ? error.message : String(error) });
    }
  }

  return {
    useLookup(fn: GroupLookup): void {
      lookup = fn;
    },
    /** Asks Slack again for every group in `groupIds` whose members are no longer trusted. */
    async refresh(groupIds: Iterable<string>): Promise<void> {
      await Promise.all([...new Set(groupIds)].filter((g) => !fresh(entries.get(g))).map(fetch));
    },
    /** Slack said the group changed (`subteam_members_changed`): ask again now. */
    async changed(groupId: string): Promise<void> {
      entries.delete(groupId);
      await fetch(groupId);
    },
    /** Whether `userId` is a trusted member; false for a group never read, expired or whose lookup failed. */
    has(groupId: string, userId: string): boolean {
      const e = entries.get(groupId);
      return fresh(e) && 'members' in (e as Entry) && (e as { members: ReadonlySet<string> }).members.has(userId);
    },
    members(groupId: string): readonly string[] {
      const e = entries.get(groupId);
      return fresh(e) && e && 'members' in e ? [...e.members] : [];
    },
    /** Why a group cannot be trusted right now, or null when it can. */
    problem(groupId: string): string | null {
      const e = entries.get(groupId);
      if (fresh(e)) return null;
      return e && 'failedAt' in e ? `Slack did not return its members (${e.reason})` : 'its members have not been read yet';
    },
  };
}

export type GroupCache = ReturnType<typeof createGroupCache>;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
