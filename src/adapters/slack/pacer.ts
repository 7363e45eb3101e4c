import type { WebClient } from '@slack/web-api';
import type { WindowRule } from '../../platform/sliding-windows.js';
import { CallSlots } from './call-slots.js';
import { perMinuteOf, POST_BURST_PER_SECOND } from './method-tiers.js';

const MINUTE = 60_000;

/** Warden stays at each tier's documented minimum; chat.postMessage at one a second per channel, bursts of up to 10. */
function rulesOf(method: string): readonly WindowRule[] | undefined {
  if (method === 'chat.postMessage') return [{ windowMs: 1000, max: POST_BURST_PER_SECOND }, { windowMs: MINUTE, max: 60 }];
  const perMinute = perMinuteOf(method);
  return perMinute === undefined ? undefined : [{ windowMs: MINUTE, max: perMinute }];
}

const keyOf = (method: string, channel: string | undefined) => (method === 'chat.postMessage' ? `${method}:${channel ?? ''}` : method);

/**
 * Paces Warden's own Web API calls per method (per channel for chat.postMessage) to Slack's published tiers, on the
 * injected clock: a call over the limit is not sent; the caller hears how long to wait and the durable job waits.
 * A job put off is told the next free slot, kept for it (`holder`: the job), so jobs put off one after another come
 * back one slot apart instead of all at once.
 */
export function createSlackPacer(nowMs: () => number) {
  const windows = new CallSlots();
  return {
    /** Counts the call and answers 0, or answers the milliseconds until the slot kept for `holder` (not counted). */
    take(method: string, channel: string | undefined, holder?: string): number {
      const rules = rulesOf(method);
      return rules ? windows.take(keyOf(method, channel), rules, nowMs(), holder) : 0;
    },
    /** 0 when the call could go now (not counted: its `take` counts it), else as `take` for `holder` (see CallSlots.wait). */
    wait(method: string, channel: string | undefined, holder: string): number {
      const rules = rulesOf(method);
      return rules ? windows.wait(keyOf(method, channel), rules, nowMs(), holder) : 0;
    },
    /** Slack answered 429: nothing under this method (and channel) goes before Retry-After has passed. */
    hold(method: string, channel: string | undefined, retryAfterSeconds: number): void {
      windows.block(keyOf(method, channel), nowMs() + retryAfterSeconds * 1000);
    },
  };
}

export type SlackPacer = ReturnType<typeof createSlackPacer>;

/** A Web API call Warden did not send because its method is at its tier's limit. */
export class PacedError extends Error {
  constructor(
    readonly method: string,
    readonly waitMs: number,
  ) {
    super(`${method} is at Slack's rate tier; sent in ${Math.ceil(waitMs / 1000)} s`);
    this.name = 'PacedError';
  }
}

type Call = (args?: Record<string, unknown>) => Promise<unknown>;
type Guard = (method: string, args: Record<string, unknown> | undefined, send: (args?: Record<string, unknown>) => Promise<unknown>) => Promise<unknown>;

/**
 * The WebClient as jobs see it: `client.chat.postMessage(args)` goes through `guard` with its method name. Only the
 * method namespaces (plain objects) are wrapped; everything else is the client's own.
 */
export function guardedClient(client: WebClient, guard: Guard): WebClient {
  const cache = new Map<string, unknown>();
  const wrap = (target: object, path: string): object =>
    new Proxy(target, {
      get(obj, prop, receiver) {
        const value: unknown = Reflect.get(obj, prop, receiver);
        if (typeof prop !== 'string' || !value) return value;
        const name = path ? `${path}.${prop}` : prop;
        if (typeof value === 'function') {
          if (!path) return (value as Call).bind(obj);
          if (!cache.has(name)) cache.set(name, (args?: Record<string, unknown>) => guard(name, args, (sent) => (value as Call).call(obj, sent)));
          return cache.get(name);
        }
        if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
        if (!cache.has(name)) cache.set(name, wrap(value, name));
        return cache.get(name);
      },
    });
  return wrap(client, '') as WebClient;
}
