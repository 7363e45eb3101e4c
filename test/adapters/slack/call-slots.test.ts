import { describe, expect, it } from 'vitest';
import { CallSlots } from '../../../src/adapters/slack/call-slots.js';

const MINUTE = 60_000;
const TIER2 = [{ windowMs: MINUTE, max: 20 }];
const POSTS = [{ windowMs: 1000, max: 10 }, { windowMs: MINUTE, max: 60 }];

/** Fills the key's window at `at` with `n` calls from no one in particular. */
function filled(slots: CallSlots, rules: typeof TIER2, n: number, at = 0): void {
  for (let i = 0; i < n; i++) expect(slots.take('k', rules, at)).toBe(0);
}

/** At most `max` of `times` within any `windowMs`. */
function keeps(times: number[], rules: typeof TIER2): boolean {
  const sorted = [...times].sort((a, b) => a - b);
  return rules.every((r) => sorted.every((t, i) => sorted.slice(i).filter((u) => u < t + r.windowMs).length <= r.max));
}

describe('call slots: a put-off caller is told a slot kept for it', () => {
  it('when jobs are put off one after another at a full Tier 2 window, then each is told the next free slot, one apart, not all the same moment', () => {
    const slots = new CallSlots();
    for (let i = 0; i < 20; i++) expect(slots.take('k', TIER2, i * 100)).toBe(0);
    const waits = ['a', 'b', 'c'].map((job) => slots.take('k', TIER2, 5_000, job));
    expect(waits.map((w) => 5_000 + w)).toEqual([MINUTE, MINUTE + 100, MINUTE + 200]);
  });

  it('when each put-off job comes back at its slot, then it is sent then and no job is put off twice', () => {
    const slots = new CallSlots();
    filled(slots, TIER2, 20);
    const due = new Map(Array.from({ length: 45 }, (_, i) => [`job${i}`, slots.take('k', TIER2, 10, `job${i}`) + 10]));
    const sent: number[] = Array(20).fill(0);
    for (const [job, at] of [...due].sort((a, b) => a[1] - b[1])) {
      expect(slots.take('k', TIER2, at, job)).toBe(0);
      sent.push(at);
    }
    expect(Math.max(...due.values())).toBe(3 * MINUTE);
    expect(keeps(sent, TIER2)).toBe(true);
  });

  it('when a caller that holds no slot asks, then it goes after every slot promised', () => {
    const slots = new CallSlots();
    filled(slots, TIER2, 20);
    for (let i = 0; i < 20; i++) expect(slots.take('k', TIER2, 0, `job${i}`)).toBe(MINUTE);
    expect(slots.take('k', TIER2, 30_000)).toBe(2 * MINUTE - 30_000);
    for (let i = 0; i < 20; i++) expect(slots.take('k', TIER2, MINUTE, `job${i}`)).toBe(0);
  });

  it('when a job comes back late, then it goes before the jobs promised later slots, and the limit holds', () => {
    const slots = new CallSlots();
    filled(slots, POSTS, 10);
    const jobs = Array.from({ length: 20 }, (_, i) => `job${i}`);
    expect(jobs.map((job) => slots.take('k', POSTS, 0, job))).toEqual([...Array(10).fill(1000), ...Array(10).fill(2000)]);
    const sent: number[] = Array(10).fill(0);
    for (const job of jobs.slice(0, 10).filter((j) => j !== 'job5')) sent.push(slots.take('k', POSTS, 1000, job) === 0 ? 1000 : NaN);
    expect(slots.take('k', POSTS, 2000, 'job5')).toBe(0);
    sent.push(2000);
    for (const job of jobs.slice(10, 19)) sent.push(slots.take('k', POSTS, 2000, job) === 0 ? 2000 : NaN);
    // job5's lateness took a slot of the second second: the last job of it waits for the next one.
    expect(slots.take('k', POSTS, 2000, 'job19')).toBe(1000);
    expect(keeps(sent, POSTS)).toBe(true);
  });

  it('when a promised slot is never claimed, then it stops counting a window after it', () => {
    const slots = new CallSlots();
    filled(slots, TIER2, 20);
    for (let i = 0; i < 20; i++) slots.take('k', TIER2, 0, `gone${i}`);
    expect(slots.take('k', TIER2, MINUTE + 1)).toBe(MINUTE - 1);
    expect(slots.take('k', TIER2, 2 * MINUTE + 1, 'new')).toBe(0);
  });

  it('when callers arrive at random and come back at their slots, then no window ever holds more than the limit', () => {
    const slots = new CallSlots();
    const sent: number[] = [];
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const waiting: { job: string; at: number }[] = [];
    for (let i = 0, now = 0; i < 400 || waiting.length > 0; i++, now += Math.floor(random() * 300)) {
      for (const w of waiting.filter((x) => x.at <= now).sort((x, y) => x.at - y.at)) {
        waiting.splice(waiting.indexOf(w), 1);
        const wait = slots.take('k', POSTS, now, w.job);
        if (wait === 0) sent.push(now);
        else waiting.push({ job: w.job, at: now + wait });
      }
      if (i >= 400) continue;
      const wait = slots.take('k', POSTS, now, `job${i}`);
      if (wait === 0) sent.push(now);
      else waiting.push({ job: `job${i}`, at: now + wait + Math.floor(random() * 50) });
    }
    expect(sent).toHaveLength(400);
    expect(keeps(sent, POSTS)).toBe(true);
  });

  it('when a job asks how long it must wait while the window has room, then it is told 0 and nothing is counted', () => {
    const slots = new CallSlots();
    for (let i = 0; i < 50; i++) expect(slots.wait('k', TIER2, 0, `job${i}`)).toBe(0);
    filled(slots, TIER2, 20);
    expect(slots.take('k', TIER2, 0)).toBe(MINUTE);
  });

  it('when a job asks at a full window, then it is told the slot take would give, kept for it: it is sent then, the next asker after it', () => {
    const slots = new CallSlots();
    filled(slots, TIER2, 20);
    expect(slots.wait('k', TIER2, 1_000, 'a')).toBe(MINUTE - 1_000);
    expect(slots.wait('k', TIER2, 1_000, 'b')).toBe(MINUTE - 1_000);
    expect(slots.take('k', TIER2, 1_000, 'c')).toBe(MINUTE - 1_000);
    // Filled at 0, the window frees 20 at once: a, b and c share the slot; at it, asking again keeps a's place.
    expect(slots.wait('k', TIER2, MINUTE, 'a')).toBe(0);
    expect(slots.take('k', TIER2, MINUTE, 'a')).toBe(0);
    for (let i = 0; i < 19; i++) expect(slots.take('k', TIER2, MINUTE, i === 0 ? 'b' : i === 1 ? 'c' : undefined)).toBe(0);
    expect(slots.wait('k', TIER2, MINUTE, 'd')).toBe(MINUTE);
  });

  it("when Slack said to wait (a 429's Retry-After), then no call goes before it, promised or not", () => {
    const slots = new CallSlots();
    slots.block('k', 5_000);
    expect(slots.take('k', TIER2, 1_000, 'a')).toBe(4_000);
    expect(slots.take('k', TIER2, 1_000)).toBe(4_000);
    expect(slots.take('k', TIER2, 5_000, 'a')).toBe(0);
  });
});
