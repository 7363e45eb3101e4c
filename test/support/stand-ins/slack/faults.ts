import type { FaultQueue } from '../fault-queue.js';

/** Failures a test asks for: the next N calls of a method fail or are rate limited. */
export type Fault = { kind: 'fail'; error: string } | { kind: 'rate_limit'; retryAfterSeconds: number };

export type SlackFaults = FaultQueue<Fault>;
