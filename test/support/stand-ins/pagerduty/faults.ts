import { FaultQueue } from '../fault-queue.js';

/** Faults a test queues per path (`'/v2/enqueue'`, `'/oncalls'`, `'/services/PSVC001'`, or `'*'` for any). */
export type Fault =
  | { kind: 'fail'; status: number }
  | { kind: 'rate_limit'; retryAfterSeconds: number }
  | { kind: 'timeout' };

export const pagerDutyFaults = () => new FaultQueue<Fault>('*');
