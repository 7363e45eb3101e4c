/**
 * Faults a test queues for a stand-in, per key (a Slack method, a PagerDuty path): the next N requests to that
 * key fail as told. With a `wildcard` key, a fault queued under it applies to any key without its own.
 */
export class FaultQueue<F> {
  private readonly queued = new Map<string, F[]>();

  constructor(private readonly wildcard?: string) {}

  add(key: string, fault: F, times: number): void {
    const list = this.queued.get(key) ?? [];
    for (let i = 0; i < times; i += 1) list.push(fault);
    this.queued.set(key, list);
  }

  /** The next fault for this key (its own queue first, then the wildcard's), used up; undefined: go through. */
  take(key: string): F | undefined {
    for (const k of this.wildcard === undefined ? [key] : [key, this.wildcard]) {
      const fault = this.queued.get(k)?.shift();
      if (fault) return fault;
    }
    return undefined;
  }

  clear(): void {
    this.queued.clear();
  }
}
