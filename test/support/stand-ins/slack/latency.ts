/**
 * Per-method latency a test asks for. The answer is worked out when the request arrives (state changes,
 * rate-limit windows and recorded `at` are of that instant) and sent `ms` later, as from a slow Slack.
 * Waiting is a timer, so a delayed call never holds up other requests; `abortAll` frees every waiter.
 */
export class Latency {
  private readonly byMethod = new Map<string, number>();
  private readonly waiting = new Set<{ timer: NodeJS.Timeout; resolve: (sent: boolean) => void }>();

  /** `method` may be `'*'` for every method without a delay of its own (including `response_url`). */
  set(method: string, ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`Slack stand-in: delay must be a non-negative number of ms, got ${ms}`);
    this.byMethod.set(method, ms);
  }

  /** Clears one method's delay (`'*'` included), or all of them. */
  clear(method?: string): void {
    if (method === undefined) this.byMethod.clear();
    else this.byMethod.delete(method);
  }

  of(method: string): number {
    return this.byMethod.get(method) ?? this.byMethod.get('*') ?? 0;
  }

  /** True once the delay has passed; false at once if the stand-in stops first (then nothing is sent). */
  wait(method: string): Promise<boolean> {
    const ms = this.of(method);
    if (ms === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.waiting.delete(entry);
          resolve(true);
        }, ms),
        resolve,
      };
      this.waiting.add(entry);
    });
  }

  abortAll(): void {
    for (const entry of this.waiting) {
      clearTimeout(entry.timer);
      entry.resolve(false);
    }
    this.waiting.clear();
  }
}
