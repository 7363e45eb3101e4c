/** A limit: at most `max` calls within any `windowMs`. */
export interface WindowRule {
  windowMs: number;
  max: number;
}

/**
 * Sliding-window call counting on an injected time line (ms): `take` counts a call and answers 0, or answers how
 * long until the call would fit and does not count it. Time is passed in, never read, so a ManualClock drives it in
 * tests exactly as the system clock does in production. Memory is bounded by the keys used within the longest window.
 */
export class SlidingWindows {
  private readonly accepted = new Map<string, number[]>();
  private readonly blocked = new Map<string, number>();
  private sweptAt = 0;

  take(key: string, rules: readonly WindowRule[], nowMs: number): number {
    const longest = Math.max(...rules.map((r) => r.windowMs));
    this.sweep(nowMs, longest);
    const times = (this.accepted.get(key) ?? []).filter((t) => t > nowMs - longest);
    let waitMs = Math.max(0, (this.blocked.get(key) ?? 0) - nowMs);
    for (const rule of rules) {
      const inWindow = times.filter((t) => t > nowMs - rule.windowMs);
      if (inWindow.length < rule.max) continue;
      // The call fits once enough of the oldest calls have left the window.
      const freeing = inWindow[inWindow.length - rule.max] ?? nowMs;
      waitMs = Math.max(waitMs, freeing + rule.windowMs - nowMs);
    }
    if (waitMs === 0) times.push(nowMs);
    this.accepted.set(key, times);
    return waitMs;
  }

  /** No call under `key` fits before `untilMs` (the server said so: a 429's Retry-After). */
  block(key: string, untilMs: number): void {
    this.blocked.set(key, Math.max(untilMs, this.blocked.get(key) ?? 0));
  }

  clear(): void {
    this.accepted.clear();
    this.blocked.clear();
  }

  /** Drops keys with no call inside the longest window, at most once a window. */
  private sweep(nowMs: number, windowMs: number): void {
    if (nowMs - this.sweptAt < windowMs) return;
    this.sweptAt = nowMs;
    for (const [key, times] of this.accepted) if ((times.at(-1) ?? 0) <= nowMs - windowMs) this.accepted.delete(key);
    for (const [key, until] of this.blocked) if (until <= nowMs) this.blocked.delete(key);
  }
}
