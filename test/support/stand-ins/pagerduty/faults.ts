/** Faults a test queues per path (`'/v2/enqueue'`, `'/oncalls'`, `'/services/PSVC001'`, or `'*'` for any). */
export type Fault =
  | { kind: 'fail'; status: number }
  | { kind: 'rate_limit'; retryAfterSeconds: number }
  | { kind: 'timeout' };

export class FaultQueue {
  private readonly queued = new Map<string, Fault[]>();

  add(path: string, fault: Fault, times: number): void {
    const list = this.queued.get(path) ?? [];
    for (let i = 0; i < times; i += 1) list.push(fault);
    this.queued.set(path, list);
  }

  /** The next fault for this path (its own queue first, then `'*'`), used up. */
  take(path: string): Fault | undefined {
    for (const key of [path, '*']) {
      const fault = this.queued.get(key)?.shift();
      if (fault) return fault;
    }
    return undefined;
  }

  clear(): void {
    this.queued.clear();
  }
}
