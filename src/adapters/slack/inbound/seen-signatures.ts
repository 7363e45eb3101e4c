/**
 * The signatures of requests accepted within Slack's window, to spot the same signed request sent again.
 * Bounded two ways: an entry expires when its timestamp leaves the window (a replay after that is `stale`),
 * and past `max` entries the oldest is dropped, so a flood cannot grow memory.
 */
export function createSeenSignatures(max = 50_000) {
  // Insertion order is close to expiry order (timestamps are within the window of "now").
  const seen = new Map<string, number>();

  function prune(nowMs: number): void {
    for (const [key, expiresAt] of seen) {
      if (expiresAt > nowMs && seen.size < max) return;
      seen.delete(key);
    }
  }

  return {
    /** True the first time `key` is offered before `expiresAtMs`; false when it was already accepted. */
    firstSighting(key: string, expiresAtMs: number, nowMs: number): boolean {
      const known = seen.get(key);
      if (known !== undefined && known > nowMs) return false;
      seen.delete(key);
      prune(nowMs);
      seen.set(key, expiresAtMs);
      return true;
    },
    get size() {
      return seen.size;
    },
  };
}

export type SeenSignatures = ReturnType<typeof createSeenSignatures>;
