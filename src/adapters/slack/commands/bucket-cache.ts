import { TokenBucket } from 'limiter';

export interface BucketShape {
  /** How many tokens the bucket holds: the burst. */
  size: number;
  /** Tokens added back per minute: the sustained pace. */
  perMinute: number;
}

export interface LimitedKey {
  bucket: TokenBucket;
  /** When the commands let through in the last minute ran, oldest first (for the answer's "N in the last minute"). */
  recent: number[];
  lastUsed: number;
}

const MINUTE_MS = 60_000;

/**
 * One token bucket per key (a person, a workspace), least recently used first. A key idle long enough for its
 * bucket to be full again is dropped (a new one starts full, so nothing is lost), and past `max` keys the least
 * recently used goes: memory stays bounded however many people send commands.
 */
export function createBucketCache(shape: BucketShape, nowMs: () => number, max = 10_000) {
  const keys = new Map<string, LimitedKey>();
  const forgetAfterMs = Math.max(MINUTE_MS, (shape.size / shape.perMinute) * MINUTE_MS);

  function evict(now: number): void {
    for (const [key, entry] of keys) {
      if (now - entry.lastUsed < forgetAfterMs && keys.size < max) return;
      keys.delete(key);
    }
  }

  return {
    /** The key's bucket and recent commands, created full; marks the key as just used. */
    get(key: string): LimitedKey {
      const now = nowMs();
      const entry = keys.get(key) ?? { bucket: fullBucket(shape), recent: [], lastUsed: now };
      keys.delete(key);
      evict(now);
      entry.lastUsed = now;
      // Oldest first: only a prefix can have left the minute (no copy of the whole list on every command).
      const stale = entry.recent.findIndex((t) => now - t < MINUTE_MS);
      if (stale !== 0) entry.recent.splice(0, stale === -1 ? entry.recent.length : stale);
      keys.set(key, entry);
      return entry;
    },
    get size() {
      return keys.size;
    },
  };
}

function fullBucket(shape: BucketShape): TokenBucket {
  const bucket = new TokenBucket({ bucketSize: shape.size, tokensPerInterval: shape.perMinute, interval: 'minute' });
  // limiter's buckets start empty; a person who has sent nothing yet has their whole burst.
  bucket.content = shape.size;
  return bucket;
}
