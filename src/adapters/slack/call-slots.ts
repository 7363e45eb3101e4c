import type { WindowRule } from '../../platform/sliding-windows.js';

interface Slot {
  holder: string;
  at: number;
}

interface Lane {
  /** When calls were sent, in order (ms). */
  sent: number[];
  /** The slots promised to callers put off, in slot order. */
  promised: Slot[];
  /** Who holds a promise (most callers hold none: they need not look through every promise). */
  holders: Set<string>;
}

/**
 * Sliding-window pacing that hands out slots. A call over the limit is told the next free slot, and that slot is
 * kept for it: the next caller put off is told the slot after it, so callers put off together do not all come back
 * at the same moment and all but one be put off again. Slots are promised only to callers that say who they are (a
 * durable job) and so come back; a promise nobody claims within the longest window stops counting. Time is passed
 * in, never read.
 */
export class CallSlots {
  private readonly lanes = new Map<string, Lane>();
  private readonly blocked = new Map<string, number>();
  private sweptAt = 0;

  /** Counts the call and answers 0, or answers the milliseconds until the slot kept for it (not counted). */
  take(key: string, rules: readonly WindowRule[], nowMs: number, holder?: string): number {
    return this.ask(key, rules, nowMs, holder, true);
  }

  /**
   * What `take` would answer, without counting a call that could go now (its own `take` counts it, when it is sent):
   * 0 then; otherwise as `take`, the milliseconds until the slot kept for `holder`. A job asks before it does any
   * work, so that a run which could only be put off is not started.
   */
  wait(key: string, rules: readonly WindowRule[], nowMs: number, holder: string): number {
    return this.ask(key, rules, nowMs, holder, false);
  }

  private ask(key: string, rules: readonly WindowRule[], nowMs: number, holder: string | undefined, send: boolean): number {
    const longest = Math.max(...rules.map((r) => r.windowMs));
    this.sweep(nowMs, longest);
    const lane = this.lane(key, nowMs - longest);
    const mine = holder !== undefined && lane.holders.has(holder) ? lane.promised.findIndex((p) => p.holder === holder) : -1;
    // A caller coming back for its slot goes before those promised later slots; any other goes after every promise.
    const ahead = mine >= 0 ? lane.promised.slice(0, mine) : lane.promised;
    const slot = Math.max(nextFree(lane.sent, ahead, rules, nowMs), this.blocked.get(key) ?? 0);
    if (slot <= nowMs && !send) return 0;
    if (mine >= 0) {
      lane.promised.splice(mine, 1);
      lane.holders.delete(holder as string);
    }
    if (slot <= nowMs) {
      lane.sent.push(nowMs);
      return 0;
    }
    if (holder !== undefined) {
      lane.promised.splice(ahead.length, 0, { holder, at: slot });
      lane.holders.add(holder);
    }
    return slot - nowMs;
  }

  /** No call under `key` fits before `untilMs` (the server said so: a 429's Retry-After). */
  block(key: string, untilMs: number): void {
    this.blocked.set(key, Math.max(untilMs, this.blocked.get(key) ?? 0));
  }

  /** The key's calls and promises that still count (within the longest window). */
  private lane(key: string, since: number): Lane {
    const lane = this.lanes.get(key) ?? { sent: [], promised: [], holders: new Set<string>() };
    while ((lane.sent[0] ?? Infinity) <= since) lane.sent.shift();
    while ((lane.promised[0]?.at ?? Infinity) <= since) lane.holders.delete((lane.promised.shift() as Slot).holder);
    this.lanes.set(key, lane);
    return lane;
  }

  /** Drops the keys with nothing left that counts (memory stays bounded by the keys in use), at most once a window. */
  private sweep(nowMs: number, windowMs: number): void {
    if (nowMs - this.sweptAt < windowMs) return;
    this.sweptAt = nowMs;
    const since = nowMs - windowMs;
    for (const [key, lane] of this.lanes) if ((lane.sent.at(-1) ?? -Infinity) <= since && (lane.promised.at(-1)?.at ?? -Infinity) <= since) this.lanes.delete(key);
    for (const [key, until] of this.blocked) if (until <= since) this.blocked.delete(key);
  }
}

/**
 * The first time from `nowMs` on at which one more call keeps every rule, the call going after every call sent and
 * every slot promised ahead of it: then only the newest `max - 1` of those can share a window with it, so it fits
 * once the `max`-th newest has left that window.
 */
function nextFree(sent: readonly number[], ahead: readonly Slot[], rules: readonly WindowRule[], nowMs: number): number {
  let slot = Math.max(nowMs, newest(sent, ahead, 1) ?? nowMs);
  for (const rule of rules) {
    const freeing = newest(sent, ahead, rule.max);
    if (freeing !== undefined) slot = Math.max(slot, freeing + rule.windowMs);
  }
  return slot;
}

/** The `k`-th newest time of the calls sent and the slots ahead (both in order), walking back from their ends. */
function newest(sent: readonly number[], ahead: readonly Slot[], k: number): number | undefined {
  let [i, j] = [sent.length - 1, ahead.length - 1];
  for (let n = 1; i >= 0 || j >= 0; n++) {
    const fromSent = j < 0 || (i >= 0 && (sent[i] as number) >= (ahead[j] as Slot).at);
    const time = fromSent ? (sent[i--] as number) : (ahead[j--] as Slot).at;
    if (n === k) return time;
  }
  return undefined;
}
