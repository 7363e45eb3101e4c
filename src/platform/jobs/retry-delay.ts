import { ExponentialBackoff, noJitterGenerator, type IBackoff } from 'cockatiel';

const backoffPolicy = new ExponentialBackoff({ generator: noJitterGenerator, initialDelay: 2_000, maxDelay: 10 * 60_000 });

/** The delay before retry number `attempt` (1-based): 2 s, 4 s, 8 s ... capped at 10 minutes. */
export function retryDelayMs(attempt: number): number {
  let b: IBackoff<unknown> = backoffPolicy.next();
  for (let i = 1; i < attempt; i++) b = b.next(undefined);
  return b.duration;
}
