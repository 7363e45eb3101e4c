/** Failures a test asks for: the next N calls of a method fail or are rate limited. */
export type Fault = { kind: 'fail'; error: string } | { kind: 'rate_limit'; retryAfterSeconds: number };

export class FaultQueue {
  private readonly byMethod = new Map<string, Fault[]>();

  add(method: string, fault: Fault, times: number): void {
    const queue = this.byMethod.get(method) ?? [];
    for (let i = 0; i < times; i += 1) queue.push(fault);
    this.byMethod.set(method, queue);
  }

  /** The next fault for this method, consumed; undefined when the call should go through. */
  take(method: string): Fault | undefined {
    return this.byMethod.get(method)?.shift();
  }

  clear(): void {
    this.byMethod.clear();
  }
}
