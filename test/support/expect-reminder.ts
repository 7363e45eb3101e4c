import { expect } from 'vitest';
import type { Harness } from './warden-harness.js';

const MIN = 60_000;

/**
 * Moves the clock to one minute before `iso` (nothing new may go out), then to `iso`: exactly one more of
 * `sent()` goes out, stamped `iso`. For follow-up reminders whose times a test pins down.
 */
export async function expectOneMoreAt(h: Harness, sent: () => readonly { at: string }[], iso: string): Promise<void> {
  const before = sent().length;
  h.clock.set(new Date(new Date(iso).getTime() - MIN));
  await h.advance(0);
  expect(sent()).toHaveLength(before);
  await h.advance(MIN);
  expect(sent()).toHaveLength(before + 1);
  expect(sent().at(-1)?.at).toBe(iso);
}
